import type { ClientMessage, ServerMessage } from "@weft/protocol";

/** An event not answered by a patch within this long is not timed (its handler changed nothing). */
const GIVE_UP_MS = 10_000;

export interface RoundTrip {
  /** Numbers an outgoing event when the server asked for timings. */
  stamp(message: ClientMessage): ClientMessage;
  /** Wraps the message handler: after a patch is applied, times the events waiting for it. */
  observe(handle: (message: ServerMessage) => void): (message: ServerMessage) => void;
}

/**
 * The browser's half of the causal chain (docs/protocol.md, "Timings"): when `registered` says
 * `devtools: true`, each event gets a `seq`; the first patch received after it is the event's
 * answer, and once that patch is applied and the next animation frame comes (React has
 * committed; the browser paints right after), `{type:"timing", seq, ms}` goes back. Without the
 * flag this does nothing but one property check per message.
 */
export function createRoundTrip(send: (message: ClientMessage) => boolean): RoundTrip {
  let enabled = false;
  let seq = 0;
  let waiting: { seq: number; t0: number }[] = [];

  return {
    stamp(message) {
      if (!enabled || message.type !== "event") return message;
      const stamped = { ...message, seq: ++seq };
      waiting.push({ seq: stamped.seq, t0: performance.now() });
      return stamped;
    },
    observe(handle) {
      return (message) => {
        handle(message);
        if (message.type === "registered") {
          // A new connection: numbering starts again, and the server says whether it wants it.
          enabled = message.devtools === true;
          seq = 0;
          waiting = [];
          return;
        }
        if (message.type !== "patch" || waiting.length === 0) return;
        const answered = waiting;
        waiting = [];
        requestAnimationFrame(() => {
          const now = performance.now();
          for (const w of answered) {
            const ms = now - w.t0;
            if (ms <= GIVE_UP_MS) send({ type: "timing", seq: w.seq, ms: Math.round(ms * 100) / 100 });
          }
        });
      };
    },
  };
}
