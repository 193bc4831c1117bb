import { ComponentControl } from "../components/componentControl.ts";
import { HookOrderError, runEffects, unmountHooks } from "../components/hooks.ts";
import type { Control } from "../controls/control.ts";
import type { Session } from "../session/session.ts";
import type { RegistryCommit } from "./registry.ts";
import type { SwapReport } from "./report.ts";

/**
 * Components under a swap, by React Fast Refresh's rule: an edited component re-renders with its
 * new function and keeps its hook state when the hooks are called in the same order; otherwise
 * its state is reset and the report says so. The component object (`const Counter =
 * component(fn)`) keeps its identity across edits (the registry hands back the first one and
 * replaces its `fn`), so instances deeper in the tree stay the same kind and keep their state
 * when their parent re-renders.
 */

/** State a component instance keeps itself: a bind must not take the fresh constructor's. */
export const COMPONENT_KEEP_FIELDS: ReadonlySet<string> = new Set(["_hooks", "_pendingEffects", "_rendered"]);
/** The body is the render's, not main's: kept until the re-render replaces it. */
export const COMPONENT_KEEP_SLOTS: ReadonlySet<string> = new Set(["body"]);

export function isComponentControl(control: Control): control is ComponentControl {
  return control instanceof ComponentControl;
}

/**
 * Re-renders, in every session, the instances of components whose function changed and the
 * component instances main built again (their props may have changed). Parents first.
 */
export function refreshComponents(sessions: readonly Session[], commit: RegistryCommit, rebuilt: ReadonlySet<Control>, report: SwapReport): void {
  const changed = new Map(commit.components.map((c) => [c.family.def as unknown, c]));
  const tally = new Map<string, { instances: number; hooks: "kept" | "reset"; reason?: string }>();
  for (const session of sessions) {
    if (session.state === "closed") continue;
    const targets: ComponentControl[] = [];
    for (const control of session.tree.index.values()) {
      if (!(control instanceof ComponentControl)) continue;
      if (changed.has(control.def) || rebuilt.has(control)) targets.push(control);
    }
    if (targets.length === 0) continue;
    targets.sort((a, b) => depth(a) - depth(b));
    const rendered: ComponentControl[] = [];
    for (const component of targets) {
      if (!component._owner) continue; // a parent's render already replaced it
      const family = changed.get(component.def);
      let reason: string | undefined;
      if (family?.hooksChanged && component._hooks.length > 0) {
        reason = `its hooks changed (${family.before || "none"} → ${family.family.signature || "none"})`;
        resetHooks(component);
      } else if (family) {
        refreshHooks(component);
      }
      const error = renderCatchingHookOrder(session, component);
      if (error) {
        reason = `its hooks are called in another order now (${error.message.replace(/^[^:]*: /, "")})`;
        resetHooks(component);
        renderCatchingHookOrder(session, component);
      }
      rendered.push(component);
      if (family || reason) {
        const name = component.componentName;
        const entry = tally.get(name) ?? { instances: 0, hooks: "kept" as const };
        entry.instances++;
        if (reason) {
          entry.hooks = "reset";
          entry.reason = reason;
        }
        tally.set(name, entry);
      }
    }
    session.flush();
    for (const component of rendered) runEffects(component);
  }
  for (const [name, entry] of tally) {
    report.components.push({ name, ...entry });
    if (entry.hooks === "reset") report.reset.push({ what: `state of component ${name}`, why: entry.reason ?? "its hooks changed" });
  }
}

function depth(control: Control): number {
  let d = 0;
  for (let p = control._parent; p; p = p._parent) d++;
  return d;
}

/** Kept state, but effects and memos run again with the new code (as Fast Refresh does). */
function refreshHooks(component: ComponentControl): void {
  for (const hook of component._hooks) {
    if (hook.kind === "effect") hook.due = true;
    else if (hook.kind === "memo") hook.deps = undefined;
  }
}

function resetHooks(component: ComponentControl): void {
  unmountHooks(component);
  component._hooks = [];
  component._pendingEffects = [];
  component._rendered = false;
}

/** Renders now; a hook-order error is handed back instead of being reported to the browser. */
function renderCatchingHookOrder(session: Session, component: ComponentControl): HookOrderError | null {
  let caught: HookOrderError | null = null;
  component.render((target, err) => {
    if (err instanceof HookOrderError && target === component) caught = err;
    else session.reportRenderError(target, err);
  });
  return caught;
}
