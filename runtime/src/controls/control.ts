import { controlBase, eventName, handlerName, type ControlSpec, type SlotKind, type ValueKind } from "@weft/protocol/controls";
import type { Page } from "../page/page.ts";
import { hook } from "../hook.ts";
import type { PropsOf } from "./propsOf.ts";

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
  /** The control whose event it is (`e.control.value` in a TextField's `onChange`). */
  control: C;
  /** The event's name without `on`: "click", "change", "submit". */
  name: string;
  /** What the event carries: the new text of a `change`, true or false of a `hover`; undefined for a `click`. */
  data: D;
  /** The page the control is shown on, to update it or open a dialog from the handler. */
  page: Page;
}

/** Props every control has: `key`, `visible`, `disabled`, `tooltip`, `expand`, size and Stack offsets, `data`. */
export interface ControlProps extends PropsOf<typeof controlBase, Control> {}

/** The session side a mounted control talks to. Implemented by Session. */
export interface ControlOwner {
  markDirty(control: Control): void;
  readonly page: Page;
}

/** What `defineControl` records about a control class, flattened over its bases. */
export interface ControlMeta {
  /** The renderable type the browser draws (`Row` for `class TodoItem extends Row`). */
  type: string;
  /** The spec it was defined from (`@weft/protocol/controls`). */
  spec: ControlSpec;
  /** Wire props, in the order they were declared (a `text` or `icon` slot's string is one too). */
  props: readonly string[];
  /** Event names (`click` for `onClick`). */
  events: readonly string[];
  /** Child slots by name and what each holds (`controls: "list"`, `content: "one"`). */
  slots: Readonly<Record<string, SlotKind>>;
  /** Props the browser may change itself (typed text, a tick), with the JSON type it must send. */
  clientProps: Readonly<Record<string, ClientPropType>>;
}

/** What the browser must send for a prop it sets: a JSON type, or `json` for any value. */
export type ClientPropType = "string" | "boolean" | "number" | "json";

/** Marks a handler change in `_changed`; never a prop name (props are identifiers). */
export const HANDLERS = "$h";

export type { SlotKind };

/** Every control's common props (`key`, `visible`, `disabled`, `tooltip`, `data`…), readable and settable as fields. */
export interface Control extends Omit<ControlProps, "data"> {}

export abstract class Control {
  /**
   * What `defineControl` recorded about this class: its wire type, props, events and slots. Read by
   * the session and the devtools; an app rarely needs it.
   */
  static meta: ControlMeta = {
    type: controlBase.type,
    spec: controlBase,
    props: Object.keys(controlBase.props),
    events: [],
    slots: {},
    clientProps: {},
  };

  /** Assigned at construction; stable for the control's life (see docs/protocol.md on adoption). */
  readonly id: number = nextId++;
  /**
   * Any value of the app's, kept on the control for its handlers (a row's record id, say); stays on
   * the server, never sent to the browser.
   */
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
    if (hook.active && !creationHint.throwaway) {
      const sameSiteAs = creationHint.sameSiteAs;
      creationHint.sameSiteAs = undefined;
      hook.emit(sameSiteAs ? { type: "create", control: reused ?? this, sameSiteAs } : { type: "create", control: reused ?? this });
    }
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
    // Marks the control for the next flush even when no prop changed, so its `beforeUpdate`
    // runs (an app class that keeps its state in plain fields derives its props there).
    if (this._changed === null && this._dirtySlots === null) this._owner!.markDirty(this);
    // Object-valued props may have been mutated in place (options.push(...)): resend them.
    for (const name in this._p) {
      const v = this._p[name];
      if (typeof v === "object" && v !== null) this._noteChange(name, undefined);
    }
    page.update();
  }

  /**
   * Called once after the control's fields are set, before `build()`: under `@control` at the end
   * of construction, otherwise when the control is first added to a page. Flet's `init()`; do
   * not call `update()` here.
   */
  init(): void {}
  /**
   * Called once, when the control is first added to a page, before it is sent: build its
   * children here from its fields (`this.page` is there). Flet's `build()`.
   */
  build(): void {}
  /**
   * Called every time the control is about to be sent: when it is first shown, and on each
   * update that touches it (`update()` on it, a change of its props or children, a change of a
   * control anywhere inside it, or a handler of its own that ran). Set
   * derived props here from plain fields; do not call `update()`. Flet's `before_update()`.
   */
  beforeUpdate(): void {}
  /**
   * Called after the control is first shown in a session (its node is in the browser). Children
   * added here are sent right after, with or without `update()`; start timers and
   * subscriptions here. Flet's `did_mount()`.
   */
  didMount(): void {}
  /** Called before the control leaves its session's tree: undo what `didMount` started. Flet's `will_unmount()`. */
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

/**
 * @internal What the construction hook knows about the construction under way, for the `create`
 * event it is followed by: a control made by the same line in another session (see HookEvent).
 *
 * `throwaway`: the constructions under way are thrown away unseen (a swap's trial render of a
 * component's new function): no `create` event, so no tool records where they were made.
 */
export const creationHint: { sameSiteAs: Control | undefined; throwaway: boolean } = { sameSiteAs: undefined, throwaway: false };

/** @internal installs (or, with null, removes) the construction hook; returns the previous one. */
export function setConstructionHook(next: ConstructionHook | null): ConstructionHook | null {
  const previous = constructionHook;
  constructionHook = next;
  return previous;
}

/**
 * Defines a control class from its spec: records its wire props, events and slots (on top of its
 * base class's) and defines the accessors that track changes. Called once per built-in control
 * class, in a `static {}` block: `defineControl(this, controlSpecs.Button)`.
 */
export function defineControl(cls: ControlClass, spec: ControlSpec): void {
  const parent = (Object.getPrototypeOf(cls) as ControlClass).meta;
  const base = spec.base ?? controlBase;
  if (base !== parent.spec) {
    throw new TypeError(`defineControl: the spec of ${spec.type} extends ${base.type}, but the class extends ${parent.type}'s class; make them agree`);
  }
  const props = Object.keys(spec.props ?? {});
  const slots = spec.slots ?? {};
  // A string-or-control slot carries its string as the prop of the same name.
  const propSlots = Object.keys(slots).filter((name) => slots[name] === "text" || slots[name] === "icon");
  const events = Object.keys(spec.events ?? {}).map(eventName);
  const clientProps: Record<string, ClientPropType> = {};
  for (const name of spec.client ?? []) clientProps[name] = clientType(spec.props?.[name] ?? findKind(parent.spec, name));
  const meta: ControlMeta = {
    type: spec.type,
    spec,
    props: [...parent.props, ...props, ...propSlots],
    events: [...parent.events, ...events],
    slots: { ...parent.slots, ...slots },
    clientProps: { ...parent.clientProps, ...clientProps },
  };
  Object.defineProperty(cls, "meta", { value: meta, writable: false, enumerable: true });
  const proto = cls.prototype;
  for (const name of props) defineProp(proto, name);
  for (const event of events) defineHandler(proto, event);
  for (const [slot, kind] of Object.entries(slots)) {
    if (kind === "list") defineListSlot(proto, slot);
    else if (kind === "one") defineSingleSlot(proto, slot);
    else defineTextOrControl(proto, slot);
  }
}

/** The JSON type the browser must send for a prop of this kind. */
function clientType(kind: ValueKind | undefined): ClientPropType {
  if (kind === "string" || kind === "number" || kind === "boolean") return kind;
  if (kind === "color" || kind === "icon" || Array.isArray(kind)) return "string";
  return "json";
}

function findKind(spec: ControlSpec | undefined, name: string): ValueKind | undefined {
  for (let s = spec; s; s = s.base) if (s.props?.[name] !== undefined) return s.props[name];
  return undefined;
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
  Object.defineProperty(proto, handlerName(event), {
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

/**
 * A slot that holds either a string or a control, as Flet's `StrOrControl` props do:
 * `new AppBar({ title: "Inbox" })` or `new AppBar({ title: new Row([...]) })`. A string travels
 * as the wire prop `name`, a control as the one-child slot `name`; setting one clears the other.
 */
function defineTextOrControl(proto: Control, name: string): void {
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._single[name] ?? this._p[name];
    },
    set(this: Control, value: unknown) {
      const child = value instanceof Control ? value : undefined;
      const text = child || value === null ? undefined : value;
      if (this._single[name] !== child) {
        this._single[name] = child;
        this._noteSlot(name);
      }
      const previous = this._p[name];
      if (previous === text) return;
      this._noteChange(name, previous);
      if (text === undefined) delete this._p[name];
      else this._p[name] = text;
    },
  });
}

// The props every control shares get their accessors here, on the base prototype.
for (const name of Control.meta.props) defineProp(Control.prototype, name);

/** Controls whose `init()` ran (a WeakSet, not a field: no app state a hot swap would merge). */
const initialized = new WeakSet<Control>();

/** Runs `init()` once in a control's life. */
export function initControl(control: Control): void {
  if (initialized.has(control)) return;
  initialized.add(control);
  control.init();
}

/** Per app class, the own fields its instances declare that are named like one of its props. */
const fieldProps = new WeakMap<Function, readonly string[]>();

/**
 * Makes class fields named like props into props: `class Item extends Row { spacing = 8;
 * controls = [a]; onClick = () => … }` declares own fields (JavaScript's class fields are
 * defined on the instance), which would hide the prototype's accessors and so never be sent.
 * Each is deleted and its value set through the accessor instead, as Flet's dataclass fields
 * are its props. Runs when the control is first mounted, and at once under `@control`.
 */
export function adoptFieldProps(control: Control): void {
  const cls = control.constructor;
  let names = fieldProps.get(cls);
  if (names === undefined) {
    const meta = metaOf(control);
    const handlers = new Set<string>(meta.events.map((event) => handlerName(event)));
    names = Object.keys(control).filter((name) => meta.props.includes(name) || name in meta.slots || handlers.has(name));
    fieldProps.set(cls, names);
  }
  for (const name of names) {
    if (!Object.hasOwn(control, name)) continue;
    const value = (control as unknown as Record<string, unknown>)[name];
    delete (control as unknown as Record<string, unknown>)[name];
    if (value !== undefined) (control as unknown as Record<string, unknown>)[name] = value;
  }
}

/** The class's metadata (`defineControl`'s record), following subclassing. */
export function metaOf(control: Control): ControlMeta {
  return (control.constructor as typeof Control).meta;
}

