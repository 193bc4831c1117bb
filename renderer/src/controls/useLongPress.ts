import { useEffect, useMemo, useRef } from "react";

/** Flutter's long-press duration (kLongPressTimeout). */
const LONG_PRESS_MS = 500;

export interface LongPress {
  /** Spread on the element: pointer handlers that time the press. */
  handlers: {
    onPointerDown?: () => void;
    onPointerUp?: () => void;
    onPointerLeave?: () => void;
    onPointerCancel?: () => void;
  };
  /** Whether the press that ends in this click was a long one (its click is then not a click). */
  fired(): boolean;
}

/** Calls `onLongPress` when the pointer stays down for 500 ms; only when `enabled`. */
export function useLongPress(enabled: boolean, onLongPress: () => void): LongPress {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const done = useRef(false);
  const callback = useRef(onLongPress);
  callback.current = onLongPress;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useMemo<LongPress>(() => {
    const cancel = () => clearTimeout(timer.current);
    if (!enabled) return { handlers: {}, fired: () => false };
    return {
      handlers: {
        onPointerDown: () => {
          done.current = false;
          cancel();
          timer.current = setTimeout(() => {
            done.current = true;
            callback.current();
          }, LONG_PRESS_MS);
        },
        onPointerUp: cancel,
        onPointerLeave: cancel,
        onPointerCancel: cancel,
      },
      fired: () => {
        const was = done.current;
        done.current = false;
        return was;
      },
    };
  }, [enabled]);
}
