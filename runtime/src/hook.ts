import type { ClientInfo, ControlId, PatchOp } from "@weft/protocol";
import type { Control } from "./controls/control.ts";
import type { AppHost, HostedApp } from "./hostedApp.ts";
import type { WeftInspection } from "./inspection.ts";
import type { Session } from "./session/session.ts";

/**
 * The instrumentation hook: the one door through which devtools (the agent, the inspector,
 * recordings) see the runtime, like React's `__REACT_DEVTOOLS_GLOBAL_HOOK__`. The runtime
 * imports no devtools; it only emits here. Every emit site checks `hook.active` first, so with
 * nobody listening the cost is one property read. A listener that throws never reaches the app.
 */
export type HookEvent =
  /** An app started being served (`createWeft`), or stopped (its `close()`). */
  | { type: "app-open"; app: HostedApp }
  | { type: "app-close"; app: HostedApp }
  | { type: "session-open"; session: Session; client: ClientInfo }
  | { type: "session-close"; sessionId: string; reason: string }
  | { type: "connect"; sessionId: string; resumed: boolean }
  /** `goodbye`: the tab said it was going away (pagehide), so the session will end soon. */
  | { type: "disconnect"; sessionId: string; goodbye?: boolean }
  /** A protocol frame; `bytes` is its UTF-8 size, `at` a `performance.now()` stamp. */
  | { type: "message"; sessionId: string; direction: "in" | "out"; text: string; bytes: number; at: number }
  /** One flush: the ops that went out (or would have, while disconnected) and what it cost. */
  | { type: "patch"; sessionId: string; ops: PatchOp[]; ms: number; sent: boolean }
  /** A handler ran; `syncMs` is how long it held the event loop, `ms` until it settled. */
  | {
      type: "handler";
      sessionId: string;
      id: ControlId;
      event: string;
      syncMs: number;
      ms: number;
      error?: unknown;
    }
  /** A handler (or `main`) held the event loop longer than `blockWarnMs`. */
  | { type: "blocked"; sessionId: string; id: ControlId | null; event: string; ms: number }
  /**
   * The browser's round trip for its event `seq` (the `seq` of that event frame): from sending
   * it until the first patch after it was drawn. Only from tabs told `devtools: true`.
   */
  | { type: "timing"; sessionId: string; seq: number; ms: number }
  | { type: "error"; sessionId: string; where: string; error: unknown }
  /**
   * A control was constructed (or, in a hot swap, a live one taken over by the new code's
   * construction). Emitted synchronously inside the constructor, so a listener can read the
   * call stack: the agent records the creation site there.
   */
  | {
      type: "create";
      control: Control;
      /**
       * Made by the line that made this other control, in another session: a hot swap runs the
       * same main in every session, so a tool can take that control's creation site instead of
       * reading the stack again (one capture per construction of the first session, not of fifty).
       */
      sameSiteAs?: Control;
    };

/** Receives every event of the hook it subscribed to. */
export type HookListener = (event: HookEvent) => void;

/** What a listener asks of the sessions while it is subscribed. */
export interface HookSubscribeOptions {
  /**
   * Ask browsers for their round-trip timings: while such a listener is subscribed, new and
   * resumed tabs are told `devtools: true` in `registered` and send `timing` frames.
   */
  timings?: boolean;
}

/** The runtime's inspection hook (`weftHook`): the dev tools subscribe to it to see every session, control and frame. */
export interface WeftHook {
  /** True while at least one listener is subscribed. Check it before building an event. */
  readonly active: boolean;
  /** True while a listener subscribed with `{ timings: true }`. */
  readonly timings: boolean;
  /** Sessions alive in this process, for a devtool that attaches late. */
  readonly sessions: Set<Session>;
  /** Apps this process serves (each `createWeft()`, `weft run`'s included) until they close. */
  readonly apps: Set<HostedApp>;
  /**
   * Set by `weft dev` while it runs a server module that mounts apps: `createWeft()` asks it for
   * each app's `main` and sessions (runtime/src/hostedApp.ts). Null otherwise.
   */
  appHost: AppHost | null;
  /**
   * How a devtool reads sessions and controls and edits them (runtime/src/inspection.ts,
   * docs/hook.md "Inspection"): installed by the runtime when its session module loads.
   */
  inspection: WeftInspection | null;
  /**
   * Starts listening to what weft does (sessions, patches, handlers, swaps); returns the function
   * that stops it. The devtools are its listeners.
   */
  subscribe(listener: HookListener, options?: HookSubscribeOptions): () => void;
  /** Tells every listener about an event; costs nothing while none listens (`active` is false). */
  emit(event: HookEvent): void;
}

function createHook(): WeftHook {
  const listeners = new Set<HookListener>();
  const timed = new Set<HookListener>();
  const hook: WeftHook = {
    active: false,
    timings: false,
    sessions: new Set(),
    apps: new Set(),
    appHost: null,
    inspection: null,
    subscribe(listener, options) {
      // A wrapper per subscription, so the same function subscribed twice needs two undos.
      const entry: HookListener = (event) => listener(event);
      listeners.add(entry);
      if (options?.timings) timed.add(entry);
      (hook as { active: boolean }).active = true;
      (hook as { timings: boolean }).timings = timed.size > 0;
      return () => {
        listeners.delete(entry);
        timed.delete(entry);
        (hook as { active: boolean }).active = listeners.size > 0;
        (hook as { timings: boolean }).timings = timed.size > 0;
      };
    },
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          // A devtool's bug must never become the app's bug.
          console.error("weft: an instrumentation listener threw:", err);
        }
      }
    },
  };
  return hook;
}

declare global {
  // eslint-disable-next-line no-var
  var __WEFT_HOOK__: WeftHook | undefined;
}

/**
 * One hook per process, even if the runtime module were loaded twice (a module runner that
 * re-imports, a test that resets modules): devtools find it on `globalThis.__WEFT_HOOK__`.
 */
export const hook: WeftHook = (globalThis.__WEFT_HOOK__ ??= createHook());
