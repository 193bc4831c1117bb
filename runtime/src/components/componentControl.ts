import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "../controls/control.ts";
import type { Tree } from "../session/tree.ts";
import { declarationName } from "./declarationName.ts";
import { renderComponent, runEffects, unmountHooks, type HookSlot, type RenderErrorHandler } from "./hooks.ts";
import { scheduleRender } from "./scheduler.ts";

/** A function component: props in, one control out. */
export type ComponentFn<P> = (props: P) => Control;

/** What `component(fn)` returns: call it with props to get a control that stands anywhere. */
export interface Component<P> {
  (props: P): ComponentControl<P>;
  /** The function it renders; a hot swap may replace it. */
  readonly fn: ComponentFn<P>;
  /**
   * The name the inspector and `data-weft-type` show: the one given to `component(fn, name)`, the
   * function's, or the variable's it is declared as (`const Counter = component(…)`).
   */
  readonly displayName: string;
}

/**
 * The control a component call produces. Its one child, `body`, is what the function returned
 * on its last render. The browser draws it transparently (no box of its own), marked with the
 * component's name as `data-weft-type`.
 */
export class ComponentControl<P = unknown> extends Control {
  /** What the component's function returned on its last render: the one control it shows. */
  declare body: Control | undefined;
  static {
    defineControl(this, controlSpecs.Component);
  }

  /** @internal hook state, in call order */
  _hooks: HookSlot[] = [];
  /** @internal effects of the last render, to run once it has been sent */
  _pendingEffects: HookSlot[] = [];
  /** @internal */
  _rendered = false;
  /** @internal its last render threw: a hot swap remounts it (as React remounts a failed component) */
  _failed = false;

  constructor(
    /** The component this call was made from (what `component(fn)` returned). */
    readonly def: Component<P>,
    /** The props of the last call; a re-render of the parent hands new ones, and the next render reads them. */
    public props: P,
  ) {
    super();
    const key = (props as { key?: unknown } | null)?.key;
    if (typeof key === "string") this.key = key;
  }

  /** The component's name, shown as `data-weft-type`. */
  get componentName(): string {
    return this.def.displayName;
  }

  /** Renders again with the current props and hook state, now. A throw goes to `onError` (default: the session). */
  render(onError?: RenderErrorHandler): void {
    if (!this._owner) return;
    const body = renderComponent(this as ComponentControl, onError);
    if (body) this.body = body;
  }

  /** Asks for a re-render on the next microtask, batched with other state changes. */
  invalidate(): void {
    if (this._owner) scheduleRender(this as ComponentControl);
  }

  override _typeName(): string {
    return this.def.displayName;
  }

  override _prepare(): void {
    if (!this._rendered) this.render();
  }

  override _sameKind(other: Control): boolean {
    return other instanceof ComponentControl && other.def === this.def;
  }

  override _adoptFrom(old: Control): void {
    // A re-rendered parent built a new call of the same component here: keep the old state,
    // render with the new props.
    this._hooks = (old as ComponentControl)._hooks;
    this.render();
  }

  override didMount(): void {
    queueMicrotask(() => runEffects(this as ComponentControl));
  }

  override willUnmount(): void {
    unmountHooks(this as ComponentControl);
  }

  /** @internal the tree it is mounted in */
  get _tree(): Tree | null {
    return this._owner as Tree | null;
  }
}

/** The component each component class was made for (see `component`). */
const componentOfClass = new WeakMap<Function, Component<unknown>>();
/** Components that have no name of their own yet: how to give them one. */
const unnamed = new WeakMap<Component<unknown>, (name: string) => void>();
/** The names components were given or have from their function (not inferred from a source line). */
const ownNames = new WeakMap<Component<unknown>, string>();

/** A component's name when it has one of its own (given, its function's, or told by `nameComponent`). */
export function ownComponentName(def: Component<unknown>): string | undefined {
  return ownNames.get(def);
}

/**
 * Names a component after the variable it is declared as, unless it has a name of its own (given,
 * or its function's). The devserver's transform knows the variable: `const Counter = component(() => …)`.
 */
export function nameComponent(def: Component<unknown>, name: string): void {
  unnamed.get(def)?.(name);
}

/**
 * The component whose controls `cls` constructs, if it is a component's class. Each component
 * has its own subclass of ComponentControl, so what kind a construction is (`Hello(…)` or
 * `Greeting(…)`) shows in its class, as it does for `new Text(…)`: the hot swap, which matches
 * constructions by class before their fields are set, tells two components apart that way.
 */
export function componentOfKind(cls: Function): Component<unknown> | undefined {
  return componentOfClass.get(cls);
}

/** The name a component shows when none can be found: its function has none and no declaration names it. */
export const UNNAMED_COMPONENT = "Component";

/**
 * Declares a function component: `const Counter = component((props) => …)`. `Counter(props)`
 * returns a control that can stand anywhere in the tree; its hooks keep state between renders,
 * and a state change re-renders only this component.
 *
 * Its name (`data-weft-type`, the swap report) is `name`, else the function's, else the
 * variable it is declared as (`const Counter = component(() => …)` is `Counter`, as React infers
 * it), else "Component".
 */
export function component<P = Record<string, never>>(fn: ComponentFn<P>, name?: string): Component<P> {
  class Kind extends ComponentControl<P> {}
  const def = ((props: P) => new Kind(def, props ?? ({} as P))) as Component<P> & { fn: ComponentFn<P>; displayName: string };
  def.fn = fn;
  let shown = name ?? (fn.name || undefined);
  let declared = shown === undefined ? declarationName() : undefined;
  Object.defineProperty(def, "displayName", {
    enumerable: true,
    configurable: true,
    get: () => (shown ??= declared?.() ?? UNNAMED_COMPONENT),
    set: (value: string) => void (shown = value),
  });
  componentOfClass.set(Kind, def as Component<unknown>);
  if (shown !== undefined) ownNames.set(def as Component<unknown>, shown);
  else {
    unnamed.set(def as Component<unknown>, (variable) => {
      if (ownNames.has(def as Component<unknown>)) return;
      ownNames.set(def as Component<unknown>, variable);
      if (shown === undefined) declared = () => variable;
    });
  }
  return def;
}
