import type { ComponentControl } from "./componentControl.ts";
import { runEffects } from "./hooks.ts";

/**
 * Batches re-renders: every state change in one tick (a handler calling three setters, a timer)
 * leads to one render per component, then one patch per session, then the effects. Parents
 * render before children; a child a parent's render already took care of is skipped.
 */
const pending = new Set<ComponentControl>();
let scheduled = false;

export function scheduleRender(component: ComponentControl): void {
  pending.add(component);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(flushRenders);
  }
}

function depth(control: ComponentControl): number {
  let d = 0;
  for (let p = control._parent; p; p = p._parent) d++;
  return d;
}

function flushRenders(): void {
  scheduled = false;
  const batch = [...pending].sort((a, b) => depth(a) - depth(b));
  pending.clear();
  const rendered: ComponentControl[] = [];
  const sessions = new Set<{ flush(): void }>();
  for (const component of batch) {
    if (!component._tree) continue; // unmounted since
    component.render();
    rendered.push(component);
    sessions.add(component._tree.page._session);
  }
  for (const session of sessions) session.flush();
  for (const component of rendered) runEffects(component);
}
