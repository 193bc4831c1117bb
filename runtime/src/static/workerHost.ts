import { Connection, type Transport } from "../session/connection.ts";
import type { SessionOptions } from "../session/options.ts";
import type { AppMain } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import { createBroadcastChannelTransport } from "../pubsub/broadcastChannelTransport.ts";
import { handedOverMain, markStatic } from "./staticMode.ts";
import { handleWorkerErrors } from "./workerErrors.ts";

/** The part of a dedicated worker's global scope the host uses. */
export interface WorkerScope {
  /** Sends a message to the tab (the page that started the worker). */
  postMessage(message: unknown): void;
  /** Listens to the tab's messages. */
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
}

/** How `startStaticApp` hosts the app in its Web Worker. */
export interface StaticAppOptions {
  /**
   * The BroadcastChannel that carries `page.pubsub` between this app's tabs. A build names it
   * after its base path, so two apps on one origin do not hear each other.
   */
  pubsubChannel?: string;
  /** Session limits, as on a server. */
  session?: Partial<SessionOptions>;
  /** Default: the worker's own global scope. */
  scope?: WorkerScope;
}

/** The app running in a static build's worker: its sessions, one per tab. */
export interface StaticApp {
  /** The app's sessions in this worker. */
  readonly manager: SessionManager;
}

/**
 * Runs an app inside a static build's Web Worker: the same session core as on a server (the
 * SessionManager, a Connection speaking the protocol), with the page's postMessage as its
 * transport. The page's renderer talks to it exactly as to a server (`register`, events,
 * patches); `page.static` is true, and `page.pubsub` reaches the other tabs of this app.
 *
 * `app` is the app module: its default export is `main`; without one, what a browser
 * `run(main)` at its top level handed over.
 */
export function startStaticApp(app: { default?: unknown }, options: StaticAppOptions = {}): StaticApp {
  markStatic();
  const scope = options.scope ?? (globalThis as unknown as WorkerScope);
  const main = mainOf(app);
  const pubsub = createBroadcastChannelTransport(options.pubsubChannel ?? "weft:pubsub");
  const manager = new SessionManager(main, options.session ?? {}, pubsub);
  handleWorkerErrors(manager);
  const transport: Transport = {
    send: (text) => scope.postMessage(text),
    close: (code, reason) => scope.postMessage({ weft: "close", code, reason }),
  };
  const connection = new Connection(manager, transport, { ip: "", userAgent: (globalThis as { navigator?: Navigator }).navigator?.userAgent ?? "" });
  scope.addEventListener("message", (event) => {
    if (typeof event.data === "string") connection.receive(event.data);
  });
  scope.postMessage({ weft: "ready" });
  return { manager };
}

function mainOf(app: { default?: unknown }): AppMain {
  if (typeof app.default === "function") return app.default as AppMain;
  const handed = handedOverMain();
  if (handed) return handed;
  return () => {
    throw new Error("the app module has no default export: an app exports `default function main(page: Page)` (or calls run(main))");
  };
}
