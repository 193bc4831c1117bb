import { connect } from "node:net";

export interface RawAnswer {
  /** The status code of the first response line, or null when nothing came back. */
  status: number | null;
  /** Everything the server sent. */
  text: string;
  /** The server closed the connection (it did not leave the socket hanging). */
  closed: boolean;
}

/**
 * Sends bytes on a fresh TCP connection, as an attacker or a broken client would (fetch and
 * http.request normalise paths and refuse bad request lines, so they cannot send these), and
 * collects the answer until the server closes the connection, a whole response without a body
 * or with its Content-Length has arrived, or `timeoutMs` passes.
 */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 3000, host = "127.0.0.1"): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    let text = "";
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, text, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if (complete(text)) finish(true);
    });
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });
}

/** A GET with the given request target and headers (Host defaults to the server's own). */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}, timeoutMs?: number): Promise<RawAnswer> {
  const all = { Host: `127.0.0.1:${port}`, Connection: "close", ...headers };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  return rawRequest(port, `GET ${target} HTTP/1.1\r\n${head}\r\n`, timeoutMs);
}

/** A WebSocket upgrade request to `target`, with a valid key. */
export function rawUpgrade(port: number, target: string, headers: Record<string, string> = {}, timeoutMs?: number): Promise<RawAnswer> {
  const all = {
    Host: `127.0.0.1:${port}`,
    Connection: "Upgrade",
    Upgrade: "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    ...headers,
  };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  return rawRequest(port, `GET ${target} HTTP/1.1\r\n${head}\r\n`, timeoutMs);
}

/** A response is complete once its head is in and its Content-Length bytes after it (a 101 has no body). */
function complete(text: string): boolean {
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return false;
  const head = text.slice(0, end);
  if (/^HTTP\/1\.1 101/.test(head)) return true;
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (!length) return false; // until close
  return Buffer.byteLength(text.slice(end + 4), "latin1") >= Number(length[1]);
}
