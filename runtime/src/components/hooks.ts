import type { Control } from "../controls/control.ts";
import type { ComponentControl } from "./componentControl.ts";

/** One hook's state, kept between renders in call order. `kind` lets a re-render check the order. */
export type HookSlot =
  | { kind: "state"; value: unknown; set: (next: unknown) => void }
  | { kind: "effect"; deps: readonly unknown[] | undefined; effect: EffectFn; cleanup: (() => void) | undefined; due: boolean }
  | { kind: "memo"; deps: readonly unknown[] | undefined; value: unknown }
  | { kind: "ref"; value: { current: unknown } }
  | { kind: "context"; context: Context<unknown> };

export type EffectFn = () => void | (() => void) | Promise<void>;

let current: ComponentControl | null = null;
let cursor = 0;
let renderingHooks: HookSlot[] = [];

/** Where a render's error goes: by default to the component's session, like a handler's. */
export type RenderErrorHandler = (component: ComponentControl, err: unknown) => void;

const reportToSession: RenderErrorHandler = (component, err) => component._tree?.page._session.reportRenderError(component, err);

/**
 * Calls the component's function with its hooks in place. Returns the control it built, or
 * null when it threw (the error goes to `onError`; the component keeps its last body).
 */
export function renderComponent(component: ComponentControl, onError: RenderErrorHandler = reportToSession): Control | null {
  const previous = current;
  const previousCursor = cursor;
  const previousHooks = renderingHooks;
  current = component;
  cursor = 0;
  renderingHooks = component._hooks;
  try {
    const body = component.def.fn(component.props);
    if (cursor < component._hooks.length && component._rendered) {
      throw new HookOrderError(component, `rendered ${cursor} hooks, ${component._hooks.length} the time before`);
    }
    component._rendered = true;
    component._failed = false;
    return body;
  } catch (err) {
    component._failed = true;
    onError(component, err);
    return null;
  } finally {
    current = previous;
    cursor = previousCursor;
    renderingHooks = previousHooks;
  }
}

/**
 * Calls the component's function as a render would, on copies of its hook state, and keeps
 * nothing: no state set, no effect scheduled, no body taken. Returns what it threw, or
 * undefined. A hot swap uses it to refuse a new function that throws before any session runs
 * it (`fresh`: as a first render, for a component whose hooks changed). A different hook
 * order is not a throw here: the swap resets such a component.
 */
export function trialRender(component: ComponentControl, fresh: boolean): unknown {
  const previous = current;
  const previousCursor = cursor;
  const previousHooks = renderingHooks;
  const rendered = component._rendered;
  const effects = component._pendingEffects.length;
  current = component;
  cursor = 0;
  renderingHooks = fresh ? [] : component._hooks.map(copySlot);
  if (fresh) component._rendered = false;
  try {
    component.def.fn(component.props);
    return undefined;
  } catch (err) {
    return err instanceof HookOrderError ? undefined : err;
  } finally {
    current = previous;
    cursor = previousCursor;
    renderingHooks = previousHooks;
    component._rendered = rendered;
    component._pendingEffects.length = effects;
  }
}

/** A hook's state to render with and throw away: a state hook's setter does nothing. */
function copySlot(slot: HookSlot): HookSlot {
  if (slot.kind === "state") return { kind: "state", value: slot.value, set: () => {} };
  return { ...slot };
}

/** Hooks were called in another order than on the last render: state cannot be matched up. */
export class HookOrderError extends Error {
  constructor(component: ComponentControl, detail: string) {
    super(`${component.componentName}: hooks must be called in the same order on every render (${detail}); don't call them in conditions or loops`);
    this.name = "HookOrderError";
  }
}

function slot<K extends HookSlot["kind"]>(kind: K, init: () => Extract<HookSlot, { kind: K }>): Extract<HookSlot, { kind: K }> {
  const component = current;
  if (!component) throw new Error(`weft: use${kind[0]!.toUpperCase()}${kind.slice(1)}() was called outside a component's render`);
  const i = cursor++;
  const existing = renderingHooks[i];
  if (existing) {
    if (existing.kind !== kind) throw new HookOrderError(component, `hook ${i + 1} was a ${existing.kind} hook, now a ${kind} hook`);
    return existing as Extract<HookSlot, { kind: K }>;
  }
  if (component._rendered) throw new HookOrderError(component, `hook ${i + 1} is new`);
  const created = init();
  renderingHooks[i] = created;
  return created;
}

const depsChanged = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === undefined || b === undefined || a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));

/** State kept between renders; setting it re-renders the component (batched). */
export function useState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const component = current!;
  const hook = slot("state", () => {
    const state: Extract<HookSlot, { kind: "state" }> = {
      kind: "state",
      value: typeof initial === "function" ? (initial as () => T)() : initial,
      set: (next) => {
        const value = typeof next === "function" ? (next as (p: unknown) => unknown)(state.value) : next;
        if (Object.is(value, state.value)) return;
        state.value = value;
        owner(state).invalidate();
      },
    };
    return state;
  });
  owners.set(hook, component);
  return [hook.value as T, hook.set as (next: T | ((previous: T) => T)) => void];
}

/** The component a state hook belongs to now (a re-rendered parent may hand it to a new control). */
const owners = new WeakMap<HookSlot, ComponentControl>();
const owner = (hook: HookSlot) => owners.get(hook)!;

/**
 * Runs `effect` after the render has been sent to the browser, again when a dep changed, and its
 * cleanup before the next run and when the component leaves the tree.
 */
export function useEffect(effect: EffectFn, deps?: readonly unknown[]): void {
  const hook = slot("effect", () => ({ kind: "effect", deps: undefined, effect, cleanup: undefined, due: true }));
  if (hook.due || depsChanged(hook.deps, deps)) {
    hook.due = true;
    hook.effect = effect;
    hook.deps = deps;
    current!._pendingEffects.push(hook);
  }
}

/** A value computed again only when a dep changed. */
export function useMemo<T>(compute: () => T, deps: readonly unknown[]): T {
  const hook = slot("memo", () => ({ kind: "memo", deps: undefined, value: undefined }));
  if (depsChanged(hook.deps, deps)) {
    hook.value = compute();
    hook.deps = deps;
  }
  return hook.value as T;
}

/** The same function object as long as the deps are the same. */
export function useCallback<T extends (...args: never[]) => unknown>(fn: T, deps: readonly unknown[]): T {
  return useMemo(() => fn, deps);
}

/** A mutable box kept between renders; changing it does not re-render. */
export function useRef<T>(initial: T): { current: T } {
  return slot("ref", () => ({ kind: "ref", value: { current: initial } })).value as { current: T };
}

/** Runs the effects of the last render (after it was sent). */
export function runEffects(component: ComponentControl): void {
  const due = component._pendingEffects.splice(0);
  for (const hook of due) {
    if (hook.kind !== "effect" || !hook.due || !component._tree) continue;
    hook.due = false;
    try {
      hook.cleanup?.();
      const result = hook.effect();
      hook.cleanup = typeof result === "function" ? result : undefined;
      if (result instanceof Promise) result.catch((err) => component._tree?.page._session.reportRenderError(component, err));
    } catch (err) {
      component._tree.page._session.reportRenderError(component, err);
    }
  }
}

/** Runs every effect's cleanup: the component leaves the tree. */
export function unmountHooks(component: ComponentControl): void {
  component._pendingEffects.length = 0;
  for (const hook of component._hooks) {
    if (hook.kind !== "effect" || !hook.cleanup) continue;
    const cleanup = hook.cleanup;
    hook.cleanup = undefined;
    try {
      cleanup();
    } catch (err) {
      console.error(`weft: an effect cleanup of ${component.componentName} threw:`, err);
    }
  }
}

// ------------------------------------------------------------------ context

/** A value handed down the component tree without props: made by `createContext(defaultValue)`, given by `Provider`, read by `useContext`. */
export interface Context<T> {
  /** What `useContext` returns under no `Provider`. */
  readonly defaultValue: T;
  /** Provides `value` to every component under `child`. */
  Provider(props: { value: T; child: Control }): Control;
}

const providers = new WeakMap<Control, { context: Context<unknown>; value: unknown; consumers: Set<ComponentControl> }>();

/** A value that components read with `useContext` from the nearest Provider above them. */
export function createContext<T>(defaultValue: T): Context<T> {
  const context: Context<T> = {
    defaultValue,
    Provider({ value, child }) {
      const existing = providers.get(child);
      if (existing && !Object.is(existing.value, value)) {
        existing.value = value;
        for (const consumer of existing.consumers) consumer.invalidate();
      } else if (!existing) {
        providers.set(child, { context: context as Context<unknown>, value, consumers: new Set() });
      }
      return child;
    },
  };
  return context;
}

/** The value of the nearest Provider of `context` above this component, or its default. */
export function useContext<T>(context: Context<T>): T {
  const component = current!;
  slot("context", () => ({ kind: "context", context: context as Context<unknown> }));
  for (let node: Control | null = component; node; node = node._parent) {
    const provided = providers.get(node);
    if (provided && provided.context === context) {
      provided.consumers.add(component);
      return provided.value as T;
    }
  }
  return context.defaultValue;
}
