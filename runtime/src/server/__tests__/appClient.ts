import { WebSocket } from "ws";
import { PROTOCOL_VERSION, type RegisteredMessage, type ServerMessage } from "@weft/protocol";

/** A tab as the server sees one: a `ws` client that registers like the renderer and keeps what it got. */
export interface AppClient {
  readonly ws: WebSocket;
  readonly messages: ServerMessage[];
  /** The `registered` answer to this connection's `register`. */
  readonly registered: RegisteredMessage;
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Sends a browser event for control `id`. */
  event(id: number, name: string, data?: unknown): void;
  /** The first message (from the start) that matches, waiting for it. */
  next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
}

export interface OpenOptions {
  /** The `?session=` routing key of the upgrade URL. */
  routingKey?: string;
  /** The session to resume. */
  sessionId?: string;
  route?: string;
}

/** Opens `<server>/ws` and registers; rejects with the HTTP status when the upgrade is refused. */
export function openAppClient(serverUrl: string, options: OpenOptions = {}): Promise<AppClient> {
  const url = new URL("ws", serverUrl.replace(/^http/, "ws"));
  if (options.routingKey !== undefined) url.searchParams.set("session", options.routingKey);
  const ws = new WebSocket(url);
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on("message", (data) => {
    messages.push(JSON.parse(data.toString()) as ServerMessage);
    for (const wake of waiters) wake();
  });
  const next = async (match: (message: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such message within ${timeoutMs} ms; got ${messages.map((m) => m.type).join(", ")}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        setTimeout(wake, 50);
      });
    }
  };
  return new Promise((resolve, reject) => {
    ws.once("unexpected-response", (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once("error", reject);
    ws.once("open", async () => {
      ws.send(
        JSON.stringify({
          type: "register",
          protocol: PROTOCOL_VERSION,
          ...(options.sessionId ? { sessionId: options.sessionId } : {}),
          client: { route: options.route ?? "/", userAgent: "test", width: 800, height: 600 },
        }),
      );
      try {
        const registered = (await next((m) => m.type === "registered")) as RegisteredMessage;
        resolve({ ws, messages, registered, closed, next, event: (id, name, data) => ws.send(JSON.stringify({ type: "event", id, name, data })) });
      } catch (err) {
        reject(err);
      }
    });
  });
}
