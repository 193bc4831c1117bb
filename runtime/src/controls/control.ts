import type { Page } from "../page/page.ts";
import { hook } from "../hook.ts";

/**
 * The base of every control: an id assigned at construction, a bag of wire props behind typed
 * accessors, handlers, and child slots. Changing a prop of a mounted control records the change
 * on the control and tells its session once, so an update costs what changed, not the size of
 * the tree (Flet walks the whole page per update: flet issue #6270).
 */

/** A handler for a control's event. May be async; the session updates after it settles. */
export type EventHandler<C extends Control = Control, D = unknown> = (e: ControlEvent<C, D>) => unknown;

/** What a handler receives: the control, the event name, its data, and the page. */
export interface ControlEvent<C extends Control = Control, D = unknown> {
  control: C;
  name: string;
  data: D;
  page: Page;
}

/** Props every control has. */
export interface ControlProps {
  /** Identifies the control among its siblings (keyed reconciliation) and in tests (`data-weft-key`). */
  key?: string;
  /** Hidden controls are not drawn. Default true. */
  visible?: boolean;
  disabled?: boolean;
  tooltip?: string;
  /** Take the free space of a Row/Column: true, or a flex factor. */
  expand?: boolean | number;
  width?: number;
  height?: number;
  /** Any value of the app's; stays on the server, never sent to the browser. */
  data?: unknown;
  /**
   * Offsets in px from the edges of the enclosing Stack: a child with any of them set is placed
   * there instead of by the stack's alignment.
   */
  left?: number;
  top?: number;
  right?: number;
  bottom?: number;
}

/** The session side a mounted control talks to. Implemented by Session. */
export interface ControlOwner {
  markDirty(control: Control): void;
  readonly page: Page;
}

/** How a slot holds children: `"list"` (Row's `controls`) or `"one"` (Container's `content`). */
export type SlotKind = "list" | "one";

/** What `defineControl` records about a control class. */
export interface ControlMeta {
  /** The renderable type the browser draws (`Row` for `class TodoItem extends Row`). */
  type: string;
  /** Wire props, in the order they were declared. */
  props: readonly string[];
  /** Event names (`click` for `onClick`). */
  events: readonly string[];
  slots: Readonly<Record<string, SlotKind>>;
  /** Props the browser may change itself (typed text, a tick), with the JSON type it must send. */
  clientProps: Readonly<Record<string, ClientPropType>>;
}

export type ClientPropType = "string" | "boolean" | "number";

interface ControlDefinition {
  type: string;
  props?: readonly string[];
  events?: readonly string[];
  slots?: Record<string, SlotKind>;
  clientProps?: Record<string, ClientPropType>;
}

/** Marks a handler change in `_changed`; never a prop name (props are identifiers). */
export const HANDLERS = "$h";

const handlerProp = (event: string) => "on" + event[0]!.toUpperCase() + event.slice(1);

/** Every control has the common props (`key`, `visible`, `disabled`, `tooltip`, `expand`, size and position) as properties. */
export interface Control extends Omit<ControlProps, "data"> {}

/**
 * The base of every control: its props are properties, and setting one marks the control for
 * the next patch to the browser. Subclass a concrete control (`class TodoItem extends Row`) to
 * make a reusable one; `defineControl` registers a new renderable type.
 */
export abstract class Control {
  static meta: ControlMeta = {
    type: "Control",
    props: ["key", "visible", "disabled", "tooltip", "expand", "width", "height", "left", "top", "right", "bottom"],
    events: [],
    slots: {},
    clientProps: {},
  };

  /** Assigned at construction; stable for the control's life (see docs/protocol.md on adoption). */
  readonly id: number = nextId++;
  data?: unknown;

  /** @internal wire props as last set */
  _p: Record<string, unknown> = {};
  /** @internal handlers by event name */
  _h: Record<string, Function> = {};
  /** @internal list slots (raw arrays) and single slots */
  _lists: Record<string, Control[]> = {};
  /** @internal proxies handed to the app for list slots */
  _listViews: Record<string, Control[]> = {};
  /** @internal single-child slots */
  _single: Record<string, Control | undefined> = {};
  /** @internal the session this control is mounted in */
  _owner: ControlOwner | null = null;
  /** @internal */
  _parent: Control | null = null;
  /** @internal */
  _slot: string | null = null;
  /** @internal prop name → value when last sent, for props changed since */
  _changed: Map<string, unknown> | null = null;
  /** @internal slots whose children changed since last sent */
  _dirtySlots: Set<string> | null = null;
  /** @internal children of each slot as last sent */
  _sent: Record<string, Control[]> = {};

  constructor(props?: ControlProps) {
    // Under `weft dev`, a hot swap re-runs main and may hand back the live control this
    // construction stands for, so everything that holds it keeps holding the same object.
    const reused = constructionHook?.(this, props);
    // Devtools record where each control was created ("reveal in editor"); with none
    // listening (`weft run`) this is one property read.
    if (hook.active) hook.emit({ type: "create", control: reused ?? this });
    if (reused) return reused as this;
    if (props) this.assign(props);
  }

  /** Sets several props at once (`control.assign({ value: "x", color: "red" })`). */
  assign(props: object): this {
    for (const name in props) {
      const value = (props as Record<string, unknown>)[name];
      if (value !== undefined) (this as Record<string, unknown>)[name] = value;
    }
    return this;
  }

  /** The page this control is shown on, or null when it is not mounted. */
  get page(): Page | null {
    return this._owner?.page ?? null;
  }

  /**
   * Sends this control's pending changes (and any other pending changes of its session) now.
   * Needed only outside event handlers, e.g. in a background task.
   */
  update(): void {
    const page = this.page;
    if (!page) return;
    // Object-valued props may have been mutated in place (options.push(...)): resend them.
    for (const name in this._p) {
      const v = this._p[name];
      if (typeof v === "object" && v !== null) this._noteChange(name, undefined);
    }
    page.update();
  }

  /** Called after the control is first shown in a session. */
  didMount(): void {}
  /** Called before the control leaves its session's tree. */
  willUnmount(): void {}

  /** @internal the name shown for this control (`data-weft-type`): its class, or a component's name. */
  _typeName(): string {
    return this.constructor.name;
  }

  /** @internal called just before the control is serialized (a component renders its body here). */
  _prepare(): void {}

  /**
   * @internal whether `other`, a new control at this one's place, may take over this one's id and
   * browser node (keyed or positional reconciliation). Components also compare their function.
   */
  _sameKind(other: Control): boolean {
    return this.constructor === other.constructor;
  }

  /** @internal adds event-specific fields to a handler's event (a page's `route`, `view`). */
  _decorateEvent(event: ControlEvent): ControlEvent {
    return event;
  }

  /** @internal `this` takes over `old`'s place in the tree (a component takes its hook state). */
  _adoptFrom(_old: Control): void {}

  /** @internal */
  _noteChange(name: string, previous: unknown): void {
    const owner = this._owner;
    if (!owner) return;
    if (this._changed === null) {
      this._changed = new Map();
      if (this._dirtySlots === null) owner.markDirty(this);
    }
    if (!this._changed.has(name)) this._changed.set(name, previous);
  }

  /** @internal */
  _noteSlot(slot: string): void {
    const owner = this._owner;
    if (!owner) return;
    if (this._dirtySlots === null) {
      this._dirtySlots = new Set();
      if (this._changed === null) owner.markDirty(this);
    }
    this._dirtySlots.add(slot);
  }

  /** @internal the current children of a slot, as a plain array (never the app's proxy). */
  _children(slot: string): readonly Control[] {
    const list = this._lists[slot];
    if (list) return list;
    const one = this._single[slot];
    return one ? [one] : EMPTY;
  }
}

/** A control class as `defineControl` sees it (any constructor signature). */
export interface ControlClass {
  meta: ControlMeta;
  prototype: Control;
}

const EMPTY: readonly Control[] = Object.freeze([]);

/** Process-wide, like Flet's IdCounter: ids never collide across sessions. */
let nextId = 1;

/**
 * @internal The hot swap's seam (runtime/src/swap): called first in every control's
 * constructor, with the fresh object; returning a control makes `new` yield that one instead.
 * Null outside `weft dev`, so the cost is one check per construction.
 */
export type ConstructionHook = (control: Control, props: ControlProps | undefined) => Control | undefined;
let constructionHook: ConstructionHook | null = null;

/** @internal installs (or, with null, removes) the construction hook; returns the previous one. */
export function setConstructionHook(next: ConstructionHook | null): ConstructionHook | null {
  const previous = constructionHook;
  constructionHook = next;
  return previous;
}

/**
 * Records a control class's wire props, events and slots, and defines the accessors that track
 * changes. Called once per built-in control class, in a `static {}` block.
 */
export function defineControl(cls: ControlClass, def: ControlDefinition): void {
  const parent = (Object.getPrototypeOf(cls) as ControlClass).meta;
  const meta: ControlMeta = {
    type: def.type,
    props: [...parent.props, ...(def.props ?? [])],
    events: [...parent.events, ...(def.events ?? [])],
    slots: { ...parent.slots, ...def.slots },
    clientProps: { ...parent.clientProps, ...def.clientProps },
  };
  Object.defineProperty(cls, "meta", { value: meta, writable: false, enumerable: true });
  const proto = cls.prototype;
  for (const name of def.props ?? []) defineProp(proto, name);
  for (const event of def.events ?? []) defineHandler(proto, event);
  for (const [slot, kind] of Object.entries(def.slots ?? {})) {
    if (kind === "list") defineListSlot(proto, slot);
    else defineSingleSlot(proto, slot);
  }
}

function defineProp(proto: Control, name: string): void {
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._p[name];
    },
    set(this: Control, value: unknown) {
      const props = this._p;
      const previous = props[name];
      if (previous === value) return;
      this._noteChange(name, previous);
      if (value === undefined || value === null) delete props[name];
      else props[name] = value;
    },
  });
}

function defineHandler(proto: Control, event: string): void {
  Object.defineProperty(proto, handlerProp(event), {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._h[event];
    },
    set(this: Control, fn: unknown) {
      const had = event in this._h;
      if (typeof fn === "function") this._h[event] = fn;
      else delete this._h[event];
      if (had !== event in this._h) this._noteChange(HANDLERS, undefined);
    },
  });
}

function defineListSlot(proto: Control, slot: string): void {
  Object.defineProperty(proto, slot, {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._listViews[slot] ?? setList(this, slot, []);
    },
    set(this: Control, controls: Iterable<Control> | null | undefined) {
      setList(this, slot, controls ? [...controls] : []);
      this._noteSlot(slot);
    },
  });
}

/** Wraps a slot's array so that push/splice/index writes mark the slot dirty. */
function setList(control: Control, slot: string, raw: Control[]): Control[] {
  control._lists[slot] = raw;
  const view = new Proxy(raw, {
    set(target, key, value) {
      (target as unknown as Record<PropertyKey, unknown>)[key] = value;
      control._noteSlot(slot);
      return true;
    },
    deleteProperty(target, key) {
      delete (target as unknown as Record<PropertyKey, unknown>)[key];
      control._noteSlot(slot);
      return true;
    },
  });
  control._listViews[slot] = view;
  return view;
}

function defineSingleSlot(proto: Control, slot: string): void {
  Object.defineProperty(proto, slot, {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._single[slot];
    },
    set(this: Control, child: Control | null | undefined) {
      if (this._single[slot] === (child ?? undefined)) return;
      this._single[slot] = child ?? undefined;
      this._noteSlot(slot);
    },
  });
}

// The props every control shares get their accessors here, on the base prototype.
for (const name of Control.meta.props) defineProp(Control.prototype, name);

/** The class's metadata (`defineControl`'s record), following subclassing. */
export function metaOf(control: Control): ControlMeta {
  return (control.constructor as typeof Control).meta;
}

/** `onClick` → `click`: the event a handler prop belongs to. */
export { handlerProp };
