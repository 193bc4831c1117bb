import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl, type ControlEvent } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";
import type { MouseCursor } from "../constants/mouseCursor.ts";

/** A point or a distance in px: `e.localDelta.x`. */
export interface Offset {
  /** Horizontal, in px: to the right from the origin (or a move to the right). */
  x: number;
  /** Vertical, in px: down from the origin (or a move down). */
  y: number;
}

/** The device a gesture came from (Flet's PointerDeviceType). */
export type PointerDeviceType = "mouse" | "touch" | "stylus" | "unknown";

/** Where a tap or a drag's start happened. */
export interface TapEvent<C extends Control = GestureDetector> extends ControlEvent<C> {
  /** In the detector's own box. */
  localPosition: Offset;
  /** In the page. */
  globalPosition: Offset;
  /** What the pointer was: "mouse", "touch", "stylus", or "unknown". */
  kind: PointerDeviceType;
}

/** A drag started: where the pointer went down. */
export interface DragStartEvent<C extends Control = GestureDetector> extends TapEvent<C> {
  /** ms since the page opened. */
  timestamp: number;
}

/** A drag moved. With `dragInterval`, the moves since the last update are summed into one. */
export interface DragUpdateEvent<C extends Control = GestureDetector> extends ControlEvent<C> {
  /** Where the pointer is now, in the detector's own box. */
  localPosition: Offset;
  /** Where the pointer is now, in the page. */
  globalPosition: Offset;
  /** How far the pointer moved since the last update (Flutter's `delta`), in the detector's box. */
  localDelta: Offset;
  /** The same in the page. */
  globalDelta: Offset;
  /** ms since the page opened, when the (last summed) move happened. */
  timestamp: number;
}

/** A drag ended. */
export interface DragEndEvent<C extends Control = GestureDetector> extends ControlEvent<C> {
  /** Where the pointer was let go, in the detector's own box. */
  localPosition: Offset;
  /** Where the pointer was let go, in the page. */
  globalPosition: Offset;
  /** In px per second, over the last 100 ms of the drag. */
  velocity: Offset;
}

/** The pointer moved over, came over or left the detector. */
export interface HoverEvent<C extends Control = GestureDetector> extends ControlEvent<C> {
  /** Where the pointer is, in the detector's own box. */
  localPosition: Offset;
  /** Where the pointer is, in the page. */
  globalPosition: Offset;
  /** How far it moved since the last hover event. */
  delta: Offset;
  /** What the pointer is: "mouse", "stylus", or "unknown" (a touch does not hover). */
  kind: PointerDeviceType;
}

type Handler<E> = (e: E) => unknown;
type GestureTypes = {
  mouseCursor: MouseCursor;
  onTap: Handler<TapEvent>;
  onPanStart: Handler<DragStartEvent>;
  onPanUpdate: Handler<DragUpdateEvent>;
  onPanEnd: Handler<DragEndEvent>;
  onHover: Handler<HoverEvent>;
  onEnter: Handler<HoverEvent>;
  onExit: Handler<HoverEvent>;
};
/** What `new GestureDetector(…)` takes: the props of GestureDetector, each documented where the control registry declares it (@weft/protocol/controls). */
export interface GestureDetectorProps extends PropsOf<"GestureDetector", GestureDetector, GestureTypes> {}
export interface GestureDetector extends FieldsOf<"GestureDetector", GestureDetector, GestureTypes> {}

/**
 * Detects gestures on its `content`: taps, double taps, long presses, right clicks, drags (pan
 * start, update with the distance moved, end with the velocity) and hovering, as Flet's
 * GestureDetector. Only the gestures with a handler are watched and sent.
 *
 * ```ts
 * new GestureDetector({
 *   content: card,
 *   mouseCursor: "move",
 *   dragInterval: 10,
 *   onPanUpdate: (e) => { card.left = (card.left ?? 0) + e.localDelta.x; card.top = (card.top ?? 0) + e.localDelta.y; },
 * })
 * ```
 * Subclass it for a draggable piece: `class Card extends GestureDetector { … }` (Flet's solitaire).
 */
export class GestureDetector extends Control {
  static {
    defineControl(this, controlSpecs.GestureDetector);
  }
  constructor(content?: Control | GestureDetectorProps, props?: GestureDetectorProps) {
    super(withPrimary("content", content, props));
  }

  /** @internal a gesture's details (`localDelta`…) are fields of its event, as in Flet. */
  override _decorateEvent(event: ControlEvent): ControlEvent {
    const data = event.data;
    return typeof data === "object" && data !== null && !Array.isArray(data) ? { ...(data as object), ...event } : event;
  }
}
