import type { ControlId, PropValue, WireNode } from "@weft/protocol";
import { ComponentControl } from "./components/componentControl.ts";
import { metaOf, type Control } from "./controls/control.ts";
import { WeftError } from "./errors.ts";
import { hook } from "./hook.ts";
import type { Session, SessionState } from "./session/session.ts";
import { describeTree, wireHeader } from "./session/wireNode.ts";

/** What a tool shows of a session. */
export interface SessionDescription {
  /** The session's id (`page.sessionId`). */
  id: string;
  /** "connected", "resuming" (its tab went away and may come back within the resume window), or "closed". */
  state: SessionState;
  /** The page's route, e.g. "/settings". */
  route: string;
  /** The page's title, when the app set one. */
  title?: string;
  /** The tab's browser, as its User-Agent header says. */
  userAgent?: string;
  /** The address the tab connected from. */
  clientIp: string;
  /** `Date.now()` when it opened. */
  createdAt: number;
  /** What the browser is told when `main` threw, or null. */
  crashed: string | null;
  /** Its tab said goodbye (closed, navigated away): it ends soon unless the tab comes back. */
  leaving?: boolean;
}

/** One hook of a component, in call order, as a tool shows it (React DevTools' hooks list). */
export interface HookDescription {
  kind: "state" | "ref" | "memo" | "effect" | "context";
  /** The state, the ref's `current`, the memo's value; effects and contexts have none. */
  value?: unknown;
}

/** Where a control sits in its parent. */
export interface ControlPlace {
  /** The control whose slot holds it. */
  parent: Control;
  /** The slot's name: "controls", "content", "appbar"… */
  slot: string;
}

/**
 * How the devtools read the runtime (React DevTools' renderer interface, for weft):
 * `globalThis.__WEFT_HOOK__.inspection`. Tools never touch a control's or a session's internals;
 * they read them through these functions, and write through the named operations at the end.
 * docs/hook.md documents each one. Sessions are named by id, controls are the objects the app
 * holds (events and the tree hand them out).
 */
export interface WeftInspection {
  /** The live sessions of this process. */
  sessions(): SessionDescription[];
  /** A live session, described; undefined when there is none with that id. */
  describeSession(sessionId: string): SessionDescription | undefined;
  /** A live session itself (the inspector's console hands it to the developer as `$session`). */
  session(sessionId: string): Session | undefined;
  /** The session's page (the root of its tree). */
  root(sessionId: string): Control | undefined;
  /** Control `id` of the session's tree (mounted controls only). */
  control(sessionId: string, id: ControlId): Control | undefined;

  /** Whether `value` is a weft control. */
  isControl(value: unknown): value is Control;
  /**
   * The control alone as the runtime sends it (no children): id, drawn type, class name when it
   * differs, its props (a copy), the events it handles.
   */
  node(control: Control): WireNode;
  /**
   * The control and everything under it as a browser holds it, serialized by the runtime's one
   * serializer and detached from the live objects (the history keeps it while the app goes on).
   */
  tree(control: Control): WireNode;
  /** The name shown for the control (`data-weft-type`): its class, or a component's name. */
  typeName(control: Control): string;
  /** The wire props its class declares, in order (the props a tool may edit). */
  propNames(control: Control): readonly string[];
  /** Its children, slot by slot in the order its class declares them (empty slots left out). */
  children(control: Control): [slot: string, children: readonly Control[]][];
  /** Its parent and the parent's slot, or null (the page, or not mounted). */
  placeOf(control: Control): ControlPlace | null;
  /** Its handler for `event` (`click`), for "where is it defined". */
  handler(control: Control, event: string): Function | undefined;
  /** The app's own fields of the control (class fields, `data`), without anything weft keeps on it. */
  fields(control: Control): [name: string, value: unknown][];
  /** A component's hooks in call order, or null when the control is not a component. */
  hooks(control: Control): HookDescription[] | null;
  /** The props the browser itself changes (a checkbox's `value`, a field's text). */
  clientProps(control: Control): readonly string[];

  /**
   * Sets a wire prop of a live control as app code would (`control.text = "Hi"`) and sends the
   * change to the session's tab. Throws `WeftError` `NOT_A_PROP` when the class has no such prop.
   */
  setProp(sessionId: string, control: Control, name: string, value: PropValue | null): void;
  /**
   * Changes a prop the browser itself changes (`clientProps`) as the user would have: the tab is
   * sent the value, then the control's `change` handler runs like one from the browser, with
   * the value as the event's data. Returns whether a handler ran. Throws `NOT_A_PROP` for a
   * prop the browser does not change.
   */
  changeAsUser(sessionId: string, control: Control, name: string, value: PropValue | null): boolean;
  /**
   * Sets a component's state hook (its place in the call order) as its setter would: the
   * component renders again and the tab is sent what changed. Throws `NOT_A_HOOK` for another
   * kind of hook or a control that is no component.
   */
  setHookState(sessionId: string, control: Control, index: number, value: unknown): void;
  /** Sends a session's pending changes now (after a tool's console changed controls). */
  flush(sessionId: string): void;
  /** Calls a browser method of the session's tab (the devtools' highlight and picker). */
  invoke(sessionId: string, method: string, args: PropValue[], timeoutMs: number): Promise<PropValue | undefined>;
}

const find = (sessionId: string): Session | undefined => {
  for (const session of hook.sessions) if (session.id === sessionId) return session;
  return undefined;
};

const describe = (session: Session): SessionDescription => {
  const description: SessionDescription = {
    id: session.id,
    state: session.state,
    route: session.page.route,
    clientIp: session.clientIp,
    createdAt: session.createdAt,
    crashed: session.crashed,
  };
  if (session.page.title !== undefined) description.title = session.page.title;
  if (session.leaving) description.leaving = true;
  if (session.client.userAgent) description.userAgent = session.client.userAgent;
  return description;
};

const need = (sessionId: string): Session => {
  const session = find(sessionId);
  if (!session) throw new WeftError("SESSION_CLOSED", `no live session ${sessionId}`);
  return session;
};

export const inspection: WeftInspection = {
  sessions: () => [...hook.sessions].filter((s) => s.state !== "closed").map(describe),
  describeSession: (sessionId) => {
    const session = find(sessionId);
    return session ? describe(session) : undefined;
  },
  session: find,
  root: (sessionId) => find(sessionId)?.page,
  control: (sessionId, id) => find(sessionId)?.tree.index.get(id),

  // A brand rather than `instanceof`: a tool may meet controls of a second copy of the runtime.
  isControl: (value): value is Control =>
    typeof value === "object" && value !== null && typeof (value as Control).id === "number" && typeof (value as Control)._typeName === "function" && "meta" in value.constructor,
  node: (control) => {
    const node = wireHeader(control);
    node.p = { ...node.p };
    if (node.h) node.h = [...node.h];
    return node;
  },
  tree: describeTree,
  typeName: (control) => control._typeName(),
  propNames: (control) => metaOf(control).props,
  children: (control) => {
    const out: [string, readonly Control[]][] = [];
    for (const slot in metaOf(control).slots) {
      const children = control._children(slot);
      if (children.length > 0) out.push([slot, children]);
    }
    return out;
  },
  placeOf: (control) => (control._parent && control._slot !== null ? { parent: control._parent, slot: control._slot } : null),
  handler: (control, event) => control._h[event],
  // Everything weft keeps on a control is `id` or starts with `_`; the rest is the app's.
  fields: (control) => Object.entries(control).filter(([name]) => name !== "id" && !name.startsWith("_")),
  hooks: (control) => {
    if (!(control instanceof ComponentControl)) return null;
    return control._hooks.map((slot): HookDescription => {
      switch (slot.kind) {
        case "state":
          return { kind: "state", value: slot.value };
        case "ref":
          return { kind: "ref", value: slot.value.current };
        case "memo":
          return { kind: "memo", value: slot.value };
        default:
          return { kind: slot.kind };
      }
    });
  },
  clientProps: (control) => Object.keys(metaOf(control).clientProps),

  setProp: (sessionId, control, name, value) => {
    const session = need(sessionId);
    const props = metaOf(control).props;
    if (!props.includes(name)) {
      throw new WeftError("NOT_A_PROP", `${control._typeName()} has no prop '${name}'; its props are ${props.join(", ")}`);
    }
    // Through the accessor, as app code would: the change is recorded and sent like any other.
    control.assign({ [name]: value });
    session.flush();
  },
  changeAsUser: (sessionId, control, name, value) => {
    const session = need(sessionId);
    if (!(name in metaOf(control).clientProps)) {
      throw new WeftError("NOT_A_PROP", `${control._typeName()}.${name} is not a prop the browser changes (those are: ${Object.keys(metaOf(control).clientProps).join(", ") || "none"})`);
    }
    // The tab did not change it: unlike the browser's own `props` message, it is sent there.
    control.assign({ [name]: value });
    session.flush();
    if (!control._h.change) return false;
    // Then the event the renderer sends after such a change (renderer/src/useEvents.ts), through
    // the session's own path: disabled controls ignore it, the handler is timed and reported.
    session.handleEvent({ type: "event", id: control.id, name: "change", ...(value === null ? {} : { data: value }) });
    return control._p.disabled !== true;
  },
  setHookState: (sessionId, control, index, value) => {
    need(sessionId);
    const slot = control instanceof ComponentControl ? control._hooks[index] : undefined;
    if (!slot || slot.kind !== "state") {
      throw new WeftError("NOT_A_HOOK", `${control._typeName()} has no state hook at ${index}${control instanceof ComponentControl ? "" : " (it is not a component)"}`);
    }
    slot.set(value); // renders the component again on the next microtask, then flushes
  },
  flush: (sessionId) => {
    const session = find(sessionId);
    if (session && session.state !== "closed") session.flush();
  },
  invoke: (sessionId, method, args, timeoutMs) => need(sessionId).invoke(method, args, undefined, timeoutMs),
};

hook.inspection = inspection;
