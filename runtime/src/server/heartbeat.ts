import type { WebSocket, WebSocketServer } from "ws";

/**
 * Pings every socket of a server every `intervalMs` and ends the ones that did not answer the
 * previous ping (the pattern of ws's README): a peer that vanished without a FIN (a laptop
 * lid, a dropped Wi-Fi, a NAT that forgot the connection) would otherwise hold its socket, and
 * keep its session "connected", forever. Returns the stop.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => {};
  const answered = new WeakSet<WebSocket>();
  const onPong = function (this: WebSocket) {
    answered.add(this);
  };
  const onConnection = (ws: WebSocket) => {
    answered.add(ws);
    ws.on("pong", onPong);
  };
  wss.on("connection", onConnection);
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!answered.has(ws)) {
        ws.terminate();
        continue;
      }
      answered.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    wss.off("connection", onConnection);
  };
}

/** Whether the peer answers a ping within `timeoutMs` (a takeover asks this of the old socket). */
export function answersPing(ws: WebSocket, timeoutMs: number): Promise<boolean> {
  if (ws.readyState !== ws.OPEN) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      ws.off("pong", onPong);
      ws.off("close", onClose);
      resolve(alive);
    };
    const onPong = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    ws.on("pong", onPong);
    ws.on("close", onClose);
    ws.ping();
  });
}
