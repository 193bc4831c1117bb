import { useEffect, useRef, type CSSProperties, type PointerEvent as ReactPointerEvent } from "react";
import type { PropValue } from "@weft/protocol";
import { renderSlot } from "../ControlView.tsx";
import { useEvents, type ControlEvents } from "../useEvents.ts";
import { baseAttributes, num, type ControlComponentProps } from "./common.ts";
import { cssCursor } from "./mouseCursor.ts";

/** Flutter's timings: a second tap within 300 ms is a double tap, a press of 500 ms a long press. */
const DOUBLE_TAP_MS = 300;
const LONG_PRESS_MS = 500;
/**
 * How far a pointer moves before a press becomes a drag and is no longer a tap (Flutter's
 * kTouchSlop, 18 px, for touch; a mouse is precise, so a few px).
 */
const SLOP = { mouse: 4, pen: 8, touch: 18 } as const;
/** What inside a detector takes a tap itself (Flutter's gesture arena gives it to the innermost). */
const TAP_TARGETS = "button, a[href], input, textarea, select, label, [role=button], [role=checkbox], [role=switch], [role=tab]";
/** Presses an inner GestureDetector that handles taps has claimed, so the ones around it leave the tap alone. */
const claimedTaps = new WeakSet<Event>();

type Point = { x: number; y: number };

/** One press, from pointerdown to pointerup. */
interface Press {
  pointer: number;
  start: Point;
  last: Point;
  panning: boolean;
  /** Moves not sent yet (summed), for `dragInterval`. */
  pending: Point;
  sentAt: number;
  /** Recent positions, for the velocity at the end. */
  trail: { t: number; p: Point }[];
  longPressed: boolean;
  /** A control inside took the tap (a Button), or the pointer moved too far: no tap, no long press. */
  noTap: boolean;
  /** Removes the window listeners that follow this press. */
  stop: () => void;
}

/**
 * Flet's GestureDetector on pointer events: tap, double tap (a tap waits 300 ms for a second
 * one when both are handled, as in Flutter's gesture arena), long press, secondary tap, pan
 * (start, updates with the move since the last one, end with the velocity) and hover. Only the
 * gestures the server handles are watched; pan updates are coalesced to one per `dragInterval`.
 */
export function GestureDetector({ node }: ControlComponentProps<"GestureDetector">) {
  const p = node.p;
  const events = useEvents(node.id);
  const element = useRef<HTMLDivElement>(null);
  const press = useRef<Press | null>(null);
  const tapTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const longTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const trailTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hoverAt = useRef<{ t: number; p: Point } | null>(null);
  const handles = (name: string) => node.h.includes(name);
  const pans = handles("panStart") || handles("panUpdate") || handles("panEnd");
  const dragInterval = Math.max(0, num(p.dragInterval) ?? 0);
  const hoverInterval = Math.max(0, num(p.hoverInterval) ?? 0);
  useEffect(
    () => () => {
      press.current?.stop();
      for (const timer of [tapTimer, longTimer, trailTimer]) clearTimeout(timer.current);
    },
    [],
  );

  const local = (point: Point): Point => {
    const rect = element.current?.getBoundingClientRect();
    return rect ? { x: point.x - rect.left, y: point.y - rect.top } : point;
  };
  const positions = (point: Point, kind: string) => ({ localPosition: local(point), globalPosition: point, kind });

  const flushUpdate = (current: Press, kind: string) => {
    const d = current.pending;
    if (d.x === 0 && d.y === 0) return;
    current.pending = { x: 0, y: 0 };
    current.sentAt = performance.now();
    send(events, "panUpdate", {
      ...positions(current.last, kind),
      localDelta: d,
      globalDelta: d,
      timestamp: Math.round(current.sentAt),
    });
  };

  /**
   * A press is followed on the window, not on the element: the pointer is captured only once it
   * has moved past the slop and a pan starts. Capturing at once would send the press's click to
   * the detector, and a Button inside it would never get it; following on the window still sees
   * a quick drag whose first move is already off the element (Flutter routes a pointer to the
   * detectors it went down on, wherever it goes next).
   */
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || press.current) return;
    const point = { x: e.clientX, y: e.clientY };
    const el = element.current;
    const inner = e.target instanceof Element ? e.target.closest(TAP_TARGETS) : null;
    const noTap = claimedTaps.has(e.nativeEvent) || (inner !== null && inner !== el && el?.contains(inner) === true);
    if (!noTap && (handles("tap") || handles("doubleTap") || handles("longPress"))) claimedTaps.add(e.nativeEvent);
    const id = e.pointerId;
    const follow = {
      move: (ev: PointerEvent) => ev.pointerId === id && onPressMove(ev),
      up: (ev: PointerEvent) => ev.pointerId === id && onPressUp(ev),
      cancel: (ev: PointerEvent) => ev.pointerId === id && onPressCancel(ev),
    };
    window.addEventListener("pointermove", follow.move);
    window.addEventListener("pointerup", follow.up);
    window.addEventListener("pointercancel", follow.cancel);
    const stop = () => {
      window.removeEventListener("pointermove", follow.move);
      window.removeEventListener("pointerup", follow.up);
      window.removeEventListener("pointercancel", follow.cancel);
    };
    const current: Press = { pointer: id, start: point, last: point, panning: false, pending: { x: 0, y: 0 }, sentAt: 0, trail: [{ t: performance.now(), p: point }], longPressed: false, noTap, stop };
    press.current = current;
    if (handles("longPress") && !noTap) {
      longTimer.current = setTimeout(() => {
        if (press.current !== current || current.panning || current.noTap) return;
        current.longPressed = true;
        events.event("longPress");
      }, LONG_PRESS_MS);
    }
  };

  /** Hover: the pointer moving over the detector with no press of it going on. */
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (press.current?.pointer === e.pointerId || e.buttons !== 0 || !handles("hover")) return;
    const point = { x: e.clientX, y: e.clientY };
    const now = performance.now();
    const before = hoverAt.current;
    if (before && now - before.t < hoverInterval) return;
    hoverAt.current = { t: now, p: point };
    send(events, "hover", { ...positions(point, e.pointerType || "mouse"), delta: before ? { x: point.x - before.p.x, y: point.y - before.p.y } : { x: 0, y: 0 } });
  };

  const onPressMove = (e: PointerEvent) => {
    const current = press.current;
    if (!current) return;
    const point = { x: e.clientX, y: e.clientY };
    const kind = e.pointerType || "mouse";
    const delta = { x: point.x - current.last.x, y: point.y - current.last.y };
    current.last = point;
    current.trail.push({ t: performance.now(), p: point });
    if (current.trail.length > 20) current.trail.shift();
    if (!current.panning) {
      const slop = SLOP[kind as keyof typeof SLOP] ?? SLOP.mouse;
      if (Math.hypot(point.x - current.start.x, point.y - current.start.y) < slop) return;
      // Past the slop the press is no tap (nor a long press), as Flutter's tap recogniser gives up.
      current.noTap = true;
      clearTimeout(longTimer.current);
      if (!pans) return;
      current.panning = true;
      element.current?.setPointerCapture(e.pointerId);
      send(events, "panStart", { ...positions(current.start, kind), timestamp: Math.round(performance.now()) });
      // The move past the slop counts as the first update, as in Flutter.
      current.pending = { x: point.x - current.start.x, y: point.y - current.start.y };
    } else {
      current.pending = { x: current.pending.x + delta.x, y: current.pending.y + delta.y };
    }
    const wait = dragInterval - (performance.now() - current.sentAt);
    clearTimeout(trailTimer.current);
    if (wait <= 0) flushUpdate(current, kind);
    // The last moves of a pause go out when the interval is over, not with the next move.
    else trailTimer.current = setTimeout(() => press.current === current && flushUpdate(current, kind), wait);
  };

  const onPressUp = (e: PointerEvent) => {
    const current = press.current;
    if (!current) return;
    press.current = null;
    current.stop();
    clearTimeout(longTimer.current);
    const kind = e.pointerType || "mouse";
    if (current.panning) {
      clearTimeout(trailTimer.current);
      flushUpdate(current, kind);
      send(events, "panEnd", { ...positions(current.last, kind), velocity: velocityOf(current.trail) });
      return;
    }
    if (current.longPressed || current.noTap) return;
    const tap = { ...positions(current.start, kind) };
    if (!handles("doubleTap")) {
      send(events, "tap", tap);
      return;
    }
    if (tapTimer.current !== undefined) {
      clearTimeout(tapTimer.current);
      tapTimer.current = undefined;
      events.event("doubleTap");
      return;
    }
    tapTimer.current = setTimeout(() => {
      tapTimer.current = undefined;
      send(events, "tap", tap);
    }, DOUBLE_TAP_MS);
  };

  const onPressCancel = (e: PointerEvent) => {
    const current = press.current;
    if (!current) return;
    press.current = null;
    current.stop();
    clearTimeout(longTimer.current);
    if (current.panning) send(events, "panEnd", { ...positions(current.last, e.pointerType || "mouse"), velocity: { x: 0, y: 0 } });
  };

  // Moving the element in the DOM (a card brought to the top of its Stack as its drag starts)
  // releases its pointer capture; a pan in progress takes it back, or the pointer, ahead of the
  // card by a round trip, would leave it and the drag would stop.
  const onLostPointerCapture = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = element.current;
    if (press.current?.pointer === e.pointerId && press.current.panning && el?.isConnected && !el.hasPointerCapture(e.pointerId)) {
      el.setPointerCapture(e.pointerId);
    }
  };

  const style: CSSProperties = {};
  const cursor = cssCursor(p.mouseCursor);
  if (cursor) style.cursor = cursor;
  if (pans) style.touchAction = "none";
  const hover = (name: "enter" | "exit") => (e: ReactPointerEvent<HTMLDivElement>) => {
    const point = { x: e.clientX, y: e.clientY };
    if (name === "exit") hoverAt.current = null;
    send(events, name, { ...positions(point, e.pointerType || "mouse"), delta: { x: 0, y: 0 } });
  };
  return (
    <div
      ref={element}
      {...baseAttributes(node, `weft-gesture${node.slots.content?.length ? "" : " weft-gesture--fill"}`, style)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onLostPointerCapture={onLostPointerCapture}
      onPointerEnter={hover("enter")}
      onPointerLeave={hover("exit")}
      onContextMenu={(e) => {
        if (!handles("secondaryTap")) return;
        e.preventDefault();
        events.event("secondaryTap");
      }}
      onDragStart={(e) => pans && e.preventDefault()}
    >
      {renderSlot(node, "content")}
    </div>
  );
}

/** Sends `name` (when handled) with plain JSON details. */
function send(events: ControlEvents, name: string, data: Record<string, unknown>): void {
  events.event(name, data as PropValue);
}

/** px per second over the last 100 ms of the trail (Flutter's VelocityTracker looks as far back). */
function velocityOf(trail: { t: number; p: Point }[]): Point {
  const last = trail[trail.length - 1];
  if (!last) return { x: 0, y: 0 };
  const first = trail.find((s) => last.t - s.t <= 100) ?? last;
  const dt = (last.t - first.t) / 1000;
  return dt > 0 ? { x: Math.round((last.p.x - first.p.x) / dt), y: Math.round((last.p.y - first.p.y) / dt) } : { x: 0, y: 0 };
}
