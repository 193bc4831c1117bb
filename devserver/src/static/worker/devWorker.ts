import { attachAgent, errorInfo } from "@weft/agent";
import type { AppMain } from "weft";
import { startStaticApp } from "weft/static";
import { SwapEngine, summarizeReport } from "weft/swap";
import type { DevServerToWorker, WorkerToDevServer } from "../workerLink.ts";
import { WORKER_LINK_PATH } from "../workerLink.ts";

/**
 * `weft dev --static`, inside the tab's Web Worker: the app runs here as in a static build
 * (`weft/static`), under the same swap engine as `weft dev` runs in Node, with the same agent.
 * Vite's dev server feeds the worker the app's modules and, on a save, the new ones
 * (`import.meta.hot`, wired in the generated entry): the engine swaps them into this tab's
 * session, which keeps its state. The agent's messages go to the devserver over a WebSocket,
 * and the inspector and VS Code see this session as they see a server's.
 *
 * Importing this module installs the swap registry the app's transformed modules register
 * their classes with, so the entry imports it before the app.
 */
declare global {
  // eslint-disable-next-line no-var
  var __WEFT_SWAP__: SwapEngine["registry"] | undefined;
}

const notLoaded: AppMain = () => {
  throw new Error("the app did not load (see the error overlay)");
};
const engine = new SwapEngine(notLoaded);
globalThis.__WEFT_SWAP__ = engine.registry;

export interface DevWorkerOptions {
  /** The token of the devserver's agent link. */
  token: string;
  /** The app's entry as the report names it. */
  entry: string;
  pubsubChannel: string;
}

export interface DevWorker {
  /** Swaps the app's new module into this tab's session. */
  swap(app: { default?: unknown }, files: string[]): Promise<void>;
}

export function startDevWorker(app: { default?: unknown }, options: DevWorkerOptions): DevWorker {
  const link = openLink(options.token);
  const agent = attachAgent({ sourceLocations: false });
  agent.subscribe((message) => link.send({ kind: "emit", message }));
  link.onMessage((message) => {
    switch (message.kind) {
      case "call": {
        let value: unknown = null;
        let error: string | undefined;
        try {
          const [a, b, c] = message.args;
          value =
            message.method === "tree" ? agent.tree(String(a))
            : message.method === "props" ? agent.props(String(a), Number(b))
            : message.method === "message" ? agent.message(String(a), Number(b))
            : message.method === "source" ? agent.source(String(a), Number(b), c === undefined ? undefined : String(c))
            : agent.controlsAt(String(a), String(b), Number(c));
        } catch (err) {
          error = (err as Error)?.message ?? String(err);
        }
        return link.send({ kind: "result", id: message.id, value, ...(error !== undefined ? { error } : {}) });
      }
      case "inspect":
        return agent.inspect?.handle(message.message, (reply) => link.send({ kind: "inspect-reply", tool: message.tool, message: reply }), { loopback: message.loopback });
      default: {
        const unknown: never = message;
        return unknown;
      }
    }
  });
  link.onOpen(() => link.send({ kind: "hello", sessions: agent.sessions() }));

  // The first load: the engine takes the app's main, then the page's socket opens.
  const first = engine.swap(mainOf(app, options.entry), { files: [] }).then(
    () => startStaticApp({ default: engine.main }, { pubsubChannel: options.pubsubChannel }),
    (err: unknown) => {
      console.error("weft: the app failed to load:", err);
      startStaticApp({ default: engine.main }, { pubsubChannel: options.pubsubChannel });
    },
  );

  let queue: Promise<void> = first.then(() => undefined);
  return {
    swap(next, files) {
      queue = queue.then(async () => {
        const started = performance.now();
        try {
          const report = await engine.swap(mainOf(next, options.entry), { files });
          report.ms = performance.now() - started;
          link.send({ kind: "emit", message: { type: "swap", report } });
          link.send({ kind: "log", text: summarizeReport(report) });
        } catch (err) {
          engine.discard();
          const error = errorInfo(err);
          link.send({ kind: "emit", message: { type: "build-error", files, error, at: Date.now() } });
          link.send({ kind: "log", text: `weft: the new code threw while building the page; the old code keeps serving:\n${error.stack ?? error.message}`, error: true });
        }
      });
      return queue;
    },
  };
}

function mainOf(app: { default?: unknown }, entry: string): AppMain {
  if (typeof app.default === "function") return app.default as AppMain;
  throw new Error(`${entry} has no default export: an app exports \`default function main(page: Page)\``);
}

interface Link {
  send(message: WorkerToDevServer): void;
  onMessage(listener: (message: DevServerToWorker) => void): void;
  onOpen(listener: () => void): void;
}

/** The WebSocket to the devserver, on the app's own origin; frames wait while it connects, and it reconnects after a drop. */
function openLink(token: string): Link {
  const url = new URL(`${WORKER_LINK_PATH}?token=${encodeURIComponent(token)}`, self.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  let socket: WebSocket | null = null;
  let waiting: string[] = [];
  let messageListener: (message: DevServerToWorker) => void = () => {};
  let openListener: () => void = () => {};
  let retry = 250;
  const connect = () => {
    const ws = new WebSocket(url);
    ws.onopen = () => {
      socket = ws;
      retry = 250;
      openListener();
      for (const text of waiting.splice(0)) ws.send(text);
    };
    ws.onmessage = (event) => {
      try {
        messageListener(JSON.parse(String(event.data)) as DevServerToWorker);
      } catch (err) {
        console.error("weft: a devserver frame could not be handled:", err);
      }
    };
    ws.onclose = () => {
      socket = null;
      setTimeout(connect, (retry = Math.min(retry * 2, 5000)));
    };
  };
  connect();
  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket) socket.send(text);
      else if (waiting.length < 10_000) waiting.push(text);
    },
    onMessage: (listener) => void (messageListener = listener),
    onOpen: (listener) => void (openListener = listener),
  };
}
