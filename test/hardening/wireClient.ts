import { WebSocket, type ClientOptions } from "ws";
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from "@weft/protocol";
import { ClientMirror } from "weft/testing";

export interface WireClient {
  readonly ws: WebSocket;
  readonly mirror: ClientMirror;
  /** Every message the server sent, in order. */
  readonly received: ServerMessage[];
  /** Resolves with `registered` (or `crashed`). */
  readonly registered: Promise<ServerMessage>;
  /** Resolves with the close code and reason, whoever closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(message: ClientMessage | Record<string, unknown>): void;
  /** Clicks the control with this key, as the renderer would. */
  click(key: string): void;
  /** The text of the control with this key, as the browser would show it. */
  text(key: string): string | undefined;
  /** Resolves with the first message (from now or already received) that matches. */
  waitFor(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  close(): void;
}

/**
 * A browser tab reduced to its protocol: a real `ws` client that registers as the renderer does
 * and keeps a copy of the tree from the patches (weft/testing's ClientMirror).
 */
export function openWire(
  url: string,
  options: { sessionId?: string; route?: string; register?: boolean; ws?: ClientOptions } = {},
): WireClient {
  const ws = new WebSocket(url.replace(/^http/, "ws").replace(/\/?$/, "/ws"), options.ws);
  const mirror = new ClientMirror();
  const received: ServerMessage[] = [];
  const waiters = new Set<{ match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }>();
  let registeredResolve!: (m: ServerMessage) => void;
  const registered = new Promise<ServerMessage>((resolve) => (registeredResolve = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on("error", () => {});
  ws.on("open", () => {
    if (options.register === false) return;
    ws.send(
      JSON.stringify({
        type: "register",
        protocol: PROTOCOL_VERSION,
        ...(options.sessionId ? { sessionId: options.sessionId } : {}),
        client: { route: options.route ?? "/", userAgent: "wire-client", platform: "linux", width: 800, height: 600 },
      }),
    );
  });
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    received.push(message);
    mirror.apply(message);
    if (message.type === "registered" || message.type === "crashed") registeredResolve(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  const find = (key: string) => [...mirror.nodes.values()].find((n) => n.p.key === key);
  return {
    ws,
    mirror,
    received,
    registered,
    closed,
    send: (message) => ws.send(JSON.stringify(message)),
    click(key) {
      const node = find(key);
      if (!node) throw new Error(`no control with key '${key}' in the page`);
      ws.send(JSON.stringify({ type: "event", id: node.i, name: "click" }));
    },
    text: (key) => {
      const value = find(key)?.p.value ?? find(key)?.p.text;
      return value === undefined ? undefined : String(value);
    },
    waitFor(match, timeoutMs = 5000) {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (m: ServerMessage) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching message within ${timeoutMs} ms; got: ${received.map((m) => m.type).join(", ")}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => ws.close(),
  };
}
