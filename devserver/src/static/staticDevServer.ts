import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, createServer, defaultClientConditions, type ViteDevServer } from "vite";
import { WebSocketServer } from "ws";
import { standardDecorators } from "@weft/static/decorators";
import { CHANNEL_VERSION, type ServerMessage } from "@weft/protocol/channel";
import { processConditions } from "@weft/static/conditions";
import type { SwapReport } from "weft/swap";
import { startChannelServer, type ChannelServer } from "../channelServer.ts";
import { Hub } from "../hub.ts";
import { createTeardown, processStats } from "../teardown.ts";
import { announceDevServer, devServerToken, findWorkspace } from "../workspaceFile.ts";
import { devPagePlugin } from "./devPage.ts";
import { DEV_WORKER_URL, devWorkerEntryPlugin } from "./devWorkerEntry.ts";
import { nodeStubsPlugin } from "./nodeStubs.ts";
import { WorkerAgents } from "./workerAgents.ts";
import { WORKER_LINK_PATH } from "./workerLink.ts";

export interface StaticDevServerOptions {
  entry: string;
  /** The app's port; default 8550, 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  inspectorPort?: number;
  inspectorHost?: string;
  workspace?: string;
  /** Print the URL lines and swap lines. Default true. */
  print?: boolean;
}

export interface StaticDevServer {
  readonly appUrl: string;
  readonly inspectorUrl: string;
  readonly channelUrl: string;
  readonly token: string;
  /** Called with each swap report a tab sends. Returns the unsubscribe. */
  onSwap(listener: (report: SwapReport) => void): () => void;
  close(): Promise<void>;
}

/**
 * `weft dev <app> --static`: the app runs in each tab's Web Worker, as in a static build, while
 * it is developed. Vite's dev server serves the worker the app's modules (TypeScript compiled on
 * the fly, the swap transform applied) and sends it the changed ones on a save; the swap engine
 * runs in the worker (static/worker/devWorker.ts) and keeps the tab's state. The worker's agent
 * talks to this process over a WebSocket on the app's port, and the inspector and the VS Code
 * extension get the tabs' sessions through the same hub and channel as in `weft dev`.
 */
export async function startStaticDevServer(options: StaticDevServerOptions): Promise<StaticDevServer> {
  const entry = resolve(options.entry);
  if (!existsSync(entry)) throw new Error(`no app at ${entry}`);
  const root = dirname(entry);
  const startedAt = Date.now();
  const print = options.print ?? true;
  // The worker's agent link has its own token, made per run: only this run's tabs may link.
  const linkToken = randomBytes(24).toString("base64url");
  const linkTokenBytes = Buffer.from(linkToken);
  const weftDirs = packageDirs(["weft", "@weft/protocol", "@weft/agent", "@weft/devserver", "@weft/static", "@weft/renderer"]);
  const isAppFile = (file: string) => !file.includes(`${sep}node_modules${sep}`) && !file.startsWith("\0") && !weftDirs.some((dir) => file.startsWith(dir + sep));
  const teardown = createTeardown();
  const swapListeners = new Set<(report: SwapReport) => void>();

  let lastReport: SwapReport | null = null;
  const agents = new WorkerAgents({
    log: (text, error) => {
      if (!print) return;
      if (error) console.error(text);
      else console.log(text);
    },
  });

  // Vite's warnings about weft's own files (a dynamic import in weft/testing) are not the app's.
  const logger = createLogger("warn");
  const warn = logger.warn.bind(logger);
  logger.warn = (message, options) => {
    if (!weftDirs.some((dir) => message.includes(dir + sep))) warn(message, options);
  };
  const vite: ViteDevServer = await createServer({
    customLogger: logger,
    configFile: false,
    envDir: false,
    root,
    appType: "custom",
    logLevel: "warn",
    clearScreen: false,
    publicDir: false,
    server: {
      port: options.port ?? 8550,
      host: options.host ?? "127.0.0.1",
      strictPort: true,
      watch: { ignored: ["**/.weft/**", "**/test-results/**"] },
      // The worker's first load is the app and all of weft's runtime and agent: transform it
      // while the user opens the tab, not after.
      warmup: { clientFiles: [entry, fileURLToPath(import.meta.resolve("@weft/devserver/static-worker"))] },
    },
    optimizeDeps: { noDiscovery: true, include: [] },
    // `weft` in the tab's worker as this process resolves it (its sources inside weft's repository).
    resolve: { conditions: [...processConditions(), ...defaultClientConditions] },
    plugins: [
      standardDecorators(),
      nodeStubsPlugin(isAppFile),
      devWorkerEntryPlugin({ entry, root, label: relative(root, entry) || entry, token: linkToken }, isAppFile),
      devPagePlugin({ rendererDir: rendererDist(), workerUrl: DEV_WORKER_URL.slice(1) }),
    ],
  });
  teardown.add(() => vite.close());

  // The worker's agent link, beside Vite's own HMR socket on the same port.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  const httpServer = vite.httpServer!;
  let appOrigin = "";
  httpServer.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== WORKER_LINK_PATH) return; // Vite's HMR socket, or nobody's
    const given = Buffer.from(url.searchParams.get("token") ?? "");
    const origin = req.headers.origin;
    if (given.length !== linkTokenBytes.length || !timingSafeEqual(given, linkTokenBytes) || (origin !== undefined && origin !== appOrigin)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\nweft dev: the agent link takes the app's own workers only\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const link = agents.connect({ send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) });
      ws.on("message", (data, isBinary) => {
        if (isBinary) return ws.close(4000, "frames are JSON text");
        link.receive(data.toString());
      });
      ws.on("close", () => link.closed());
      ws.on("error", () => ws.terminate());
    });
  });
  teardown.add(() => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  });

  await vite.listen();
  const address = httpServer.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const appUrl = `http://${shown}:${address.port}/`;
  appOrigin = appUrl.slice(0, -1);

  agents.subscribe((message: ServerMessage) => {
    if (message.type !== "swap") return;
    lastReport = message.report;
    for (const listener of swapListeners) listener(message.report);
  });
  const hub = new Hub({
    agent: agents,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry, url: appUrl, root }, pid: process.pid, startedAt }),
    backlog: () => (lastReport ? [{ type: "swap", report: lastReport }] : []),
    stats: () => processStats(startedAt, agents.sessions().length, lastReport?.id ?? 0),
  });
  // The workspace's channel token, kept across restarts as by `weft dev`.
  const workspace = options.workspace ?? findWorkspace(root);
  const token = devServerToken(workspace, print ? (message) => console.error(message) : undefined);
  const channel: ChannelServer = await startChannelServer({
    hub,
    token,
    ...(options.inspectorHost ? { host: options.inspectorHost } : {}),
    port: options.inspectorPort ?? (address.port === 0 || options.port === 0 ? 0 : address.port + 1),
  });
  teardown.add(() => channel.close());
  teardown.add(() => hub.dispose());

  teardown.add(announceDevServer(workspace, { app: appUrl, channel, entry, startedAt }));

  if (print) {
    console.log(`Inspector: ${channel.inspectorUrl}`);
    console.log(`App: ${appUrl}`);
    console.log("  (static mode: the app runs in the browser tab's worker; each tab is its own session)");
  }

  return {
    appUrl,
    inspectorUrl: channel.inspectorUrl,
    channelUrl: channel.channelUrl,
    token: channel.token,
    onSwap(listener) {
      swapListeners.add(listener);
      return () => swapListeners.delete(listener);
    },
    close: () => teardown.run(),
  };
}

/** The folders of weft's own packages, by name: their files are weft's, not the app's. */
function packageDirs(names: string[]): string[] {
  const dirs: string[] = [];
  for (const name of names) {
    let dir: string;
    try {
      dir = dirname(fileURLToPath(import.meta.resolve(name)));
    } catch {
      continue; // not installed: nothing of it can be loaded either
    }
    // Up from the package's entry to its package.json (`exports` hides the file itself).
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    dirs.push(dir);
  }
  return dirs;
}

function rendererDist(): string {
  const dir = join(dirname(createRequire(import.meta.url).resolve("@weft/renderer/package.json")), "dist");
  if (!existsSync(join(dir, "index.html"))) throw new Error(`the renderer is not built (${dir}/index.html is missing). Run: npm run build`);
  return dir;
}
