import { ComponentControl } from "../components/componentControl.ts";
import { HookOrderError, runEffects, trialRender, unmountHooks } from "../components/hooks.ts";
import { creationHint, type Control } from "../controls/control.ts";
import type { Session } from "../session/session.ts";
import type { RegistryCommit } from "./registry.ts";
import type { RenderSites } from "./renderSites.ts";
import type { SwapReport } from "./report.ts";
import type { HookKey } from "./signatures.ts";

/**
 * Components under a swap, by React Fast Refresh's rules: an edited component re-renders with its
 * new function and keeps its hook state when its hooks are the same (the signature: see
 * signatures.ts); otherwise, or when its last render threw, it starts afresh and the report
 * says why. The component object (`const Counter = component(fn)`) keeps its identity across
 * edits (the registry hands back the first one and replaces its `fn`), so instances deeper in
 * the tree stay the same kind and keep their state when their parent re-renders.
 */

/** State a component instance keeps itself: a bind must not take the fresh constructor's. */
export const COMPONENT_KEEP_FIELDS: ReadonlySet<string> = new Set(["_hooks", "_pendingEffects", "_rendered", "_failed"]);
/** The body is the render's, not main's: kept until the re-render replaces it. */
export const COMPONENT_KEEP_SLOTS: ReadonlySet<string> = new Set(["body"]);

export function isComponentControl(control: Control): control is ComponentControl {
  return control instanceof ComponentControl;
}

type Changed = RegistryCommit["components"][number];

/** A component whose new function threw when tried: the swap is refused. */
export interface TrialFailure {
  component: ComponentControl;
  session: Session;
  error: unknown;
}

/**
 * Tries the new function of every changed component on every instance, before anything is
 * swapped (see `trialRender`): the first that throws is returned, and the swap is refused, so
 * the old code keeps serving (an exception while the new code builds never reaches a session).
 */
export function tryChangedComponents(sessions: readonly Session[], commit: RegistryCommit): TrialFailure | undefined {
  const changed = changedByDef(commit);
  if (changed.size === 0) return undefined;
  // What a trial builds is thrown away: tools need not learn where it was made (a stack each).
  creationHint.throwaway = true;
  try {
    for (const session of sessions) {
      for (const control of session.tree.index.values()) {
        if (!(control instanceof ComponentControl)) continue;
        const entry = changed.get(control.def);
        if (!entry) continue;
        const error = trialRender(control, entry.hooksChanged || control._failed || !control._rendered);
        if (error !== undefined) return { component: control, session, error };
      }
    }
    return undefined;
  } finally {
    creationHint.throwaway = false;
  }
}

/** What the swap did to components, by name, over every session (see `noteComponents`). */
export type ComponentTally = Map<string, { instances: number; hooks: "kept" | "reset"; reason?: string }>;

function count(tally: ComponentTally, name: string, reason: string | undefined): void {
  const entry = tally.get(name) ?? { instances: 0, hooks: "kept" as const };
  entry.instances++;
  if (reason !== undefined) {
    entry.hooks = "reset";
    entry.reason = reason;
  }
  tally.set(name, entry);
}

/**
 * Re-renders, in a session the swap kept, the instances of components whose function changed
 * and the component instances main built again with other props, parents first. Components
 * that did not change are not rendered (a child's edit leaves its parent alone, as in React).
 * `rebuilt`: component instances main built again with other props. `sites` shares creation
 * sites with the same component's renders in the sessions refreshed before.
 */
export function refreshComponents(session: Session, commit: RegistryCommit, rebuilt: ReadonlySet<Control>, tally: ComponentTally, sites: RenderSites): void {
  if (session.state === "closed") return;
  const changed = changedByDef(commit);
  const targets: ComponentControl[] = [];
  for (const control of session.tree.index.values()) {
    if (!(control instanceof ComponentControl)) continue;
    if (changed.has(control.def) || rebuilt.has(control)) targets.push(control);
  }
  if (targets.length === 0) return;
  targets.sort((a, b) => depth(a) - depth(b));
  const rendered: ComponentControl[] = [];
  for (const component of targets) {
    if (!component._owner) continue; // a parent's render already replaced it
    const entry = changed.get(component.def);
    let reason: string | undefined;
    if (entry?.hooksChanged && component._hooks.length > 0) {
      reason = hooksChangedReason(entry.before, entry.after);
      resetHooks(component);
    } else if (entry && component._failed) {
      reason = "its last render threw, so it starts afresh (as React remounts a failed component)";
      resetHooks(component);
    } else if (entry) {
      refreshHooks(component);
    }
    const error = sites.around(component, () => renderCatchingHookOrder(session, component));
    if (error) {
      reason = `its hooks are called in another order now (${error.message.replace(/^[^:]*: /, "")})`;
      resetHooks(component);
      renderCatchingHookOrder(session, component);
    }
    rendered.push(component);
    if (entry || reason) count(tally, component.componentName, reason);
  }
  session.flush();
  for (const component of rendered) runEffects(component);
}

/** The instances of changed components in a session the swap hot-restarted: they started afresh. */
export function countRestartedComponents(session: Session, commit: RegistryCommit, tally: ComponentTally): void {
  if (session.state === "closed") return;
  const changed = changedByDef(commit);
  for (const control of session.tree.index.values()) {
    if (control instanceof ComponentControl && changed.has(control.def)) count(tally, control.componentName, "its session was hot-restarted");
  }
}

/** Puts the tally in the report: one line per component, and what was reset. */
export function noteComponents(report: SwapReport, tally: ComponentTally): void {
  for (const [name, entry] of tally) {
    report.components.push({ name, ...entry });
    if (entry.hooks === "reset") report.reset.push({ what: `state of component ${name}`, why: entry.reason ?? "its hooks changed" });
  }
}

function changedByDef(commit: RegistryCommit): Map<unknown, Changed> {
  return new Map(commit.components.map((c) => [c.family.def as unknown, c]));
}

/** Why a component's hooks no longer match: the first call that differs, or what asked for a reset. */
function hooksChangedReason(before: HookKey, after: HookKey): string {
  if (after.forceReset) return after.why ?? "its state is reset on every edit";
  const was = before.key ? before.key.split("\n") : [];
  const now = after.key ? after.key.split("\n") : [];
  for (let i = 0; i < Math.max(was.length, now.length); i++) {
    if (was[i] === now[i]) continue;
    if (was[i] === undefined) return `its hooks changed: \`${now[i]}\` is new`;
    if (now[i] === undefined) return `its hooks changed: \`${was[i]}\` is gone`;
    return `its hooks changed: \`${was[i]}\` is \`${now[i]}\` now`;
  }
  return "its hooks changed";
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
  component._failed = false;
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
