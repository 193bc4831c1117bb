import { WeftError } from "../errors.ts";
import { runInSession } from "../session/sessionContext.ts";
import type { ComponentControl } from "./componentControl.ts";
import { runEffects } from "./hooks.ts";

/**
 * Batches re-renders: every state change in one tick (a handler calling three setters, a timer)
 * leads to one render per component, then one patch per session, then the effects. Parents
 * render before children; a child a parent's render already took care of is skipped.
 */
const pending = new Set<ComponentControl>();
let scheduled = false;

/**
 * React's bound on nested updates (NESTED_UPDATE_LIMIT, "Too many re-renders"): a component
 * re-rendered this many times in a row because of state set by renders or effects, with no
 * event in between, is stopped. Without it, an effect that sets state on every render keeps
 * the process in microtasks forever: no socket is read again, every session hangs.
 */
export const NESTED_RENDER_LIMIT = 50;

/** True while a flush renders or runs effects: what it schedules is nested in it. */
let flushing = false;
let nextIsNested = false;
/** Counts chains of nested flushes; a flush scheduled from outside one starts a new chain. */
let chain = 0;
const nestedRenders = new WeakMap<ComponentControl, { chain: number; renders: number }>();

export function scheduleRender(component: ComponentControl): void {
  pending.add(component);
  if (flushing) nextIsNested = true;
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
  if (!nextIsNested) chain++;
  nextIsNested = false;
  const batch = [...pending].sort((a, b) => depth(a) - depth(b));
  pending.clear();
  const rendered: ComponentControl[] = [];
  const sessions = new Set<{ flush(): void }>();
  flushing = true;
  try {
    for (const component of batch) {
      const tree = component._tree;
      if (!tree) continue; // unmounted since
      const session = tree.page._session;
      if (tooManyRenders(component)) {
        session.reportRenderError(
          component,
          new WeftError(
            "RENDER_LOOP",
            `Too many re-renders: ${component.componentName} rendered ${NESTED_RENDER_LIMIT} times in a row because its render or an effect set state each time. ` +
              `weft stopped it; it shows what it rendered last. Give the effect deps (useEffect(fn, [dep])) or set state only when the value changes.`,
          ),
        );
        continue;
      }
      // Each component's code runs as its session's (a batch can hold several sessions).
      runInSession(session, () => component.render());
      rendered.push(component);
      sessions.add(session);
    }
    for (const session of sessions) session.flush();
    for (const component of rendered) {
      const session = component._tree?.page._session;
      if (session) runInSession(session, () => runEffects(component));
    }
  } finally {
    flushing = false;
  }
}

/** Counts this render in the current chain; true when it is one too many. */
function tooManyRenders(component: ComponentControl): boolean {
  const count = nestedRenders.get(component);
  if (count?.chain === chain) return ++count.renders > NESTED_RENDER_LIMIT;
  nestedRenders.set(component, { chain, renders: 1 });
  return false;
}
