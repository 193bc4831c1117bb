import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "../controls/control.ts";
import type { Tree } from "../session/tree.ts";
import { renderComponent, runEffects, unmountHooks, type HookSlot } from "./hooks.ts";
import { scheduleRender } from "./scheduler.ts";

/** A function component: props in, one control out. */
export type ComponentFn<P> = (props: P) => Control;

/** What `component(fn)` returns: call it with props to get a control that stands anywhere. */
export interface Component<P> {
  (props: P): ComponentControl<P>;
  /** The function it renders; a hot swap may replace it. */
  readonly fn: ComponentFn<P>;
  readonly displayName: string;
}

/**
 * The control a component call produces. Its one child, `body`, is what the function returned
 * on its last render. The browser draws it transparently (no box of its own), marked with the
 * component's name as `data-weft-type`.
 */
export class ComponentControl<P = unknown> extends Control {
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

  constructor(
    readonly def: Component<P>,
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

  /** Renders again with the current props and hook state, now. */
  render(): void {
    if (!this._owner) return;
    const body = renderComponent(this as ComponentControl);
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

/**
 * Declares a function component: `const Counter = component((props) => …)`. `Counter(props)`
 * returns a control that can stand anywhere in the tree; its hooks keep state between renders,
 * and a state change re-renders only this component.
 */
export function component<P = Record<string, never>>(fn: ComponentFn<P>, name?: string): Component<P> {
  const def = ((props: P) => new ComponentControl(def, props ?? ({} as P))) as Component<P> & { fn: ComponentFn<P>; displayName: string };
  def.fn = fn;
  def.displayName = name ?? (fn.name || "Component");
  return def;
}
