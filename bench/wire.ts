import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { PerMessageDeflateOptions } from "ws";
import type { AppMain } from "weft";
import { attachSocketEndpoint, createRequestGuard, createStaticHandler, perMessageDeflateOptions, rendererDir, SessionManager } from "weft/server";

/**
 * The wire setups the compression benchmark compares: none, weft's (no context takeover,
 * streams freed between messages), and the same window with context takeover (the trade-off
 * runtime/src/server/compression.ts turned down: smaller patches, a zlib context per socket).
 */
export const wireVariants = {
  off: false,
  on: perMessageDeflateOptions(),
  takeover: { ...(perMessageDeflateOptions() as PerMessageDeflateOptions), serverNoContextTakeover: false, clientNoContextTakeover: false },
} satisfies Record<string, PerMessageDeflateOptions | false>;
export type WireVariant = keyof typeof wireVariants;

export interface ServedApp {
  url: string;
  port: number;
  http: Server;
  manager: SessionManager;
  close(): Promise<void>;
}

/** Serves an app as `createWeftServer` does (the same static handler and socket endpoint), with the wire set up as `variant` says. */
export async function serveApp(main: AppMain, variant: WireVariant): Promise<ServedApp> {
  // The 4,000-control main takes longer than the block warning's 100 ms: expected here, not news.
  const manager = new SessionManager(main, { blockWarnMs: 60_000 });
  const guard = createRequestGuard({ host: "127.0.0.1" });
  const http = createServer(guard.http(createStaticHandler({ dir: rendererDir(), spaFallback: true })));
  const upgrades = guard.upgrades();
  http.on("upgrade", upgrades.listener);
  const closeSockets = attachSocketEndpoint(upgrades, manager, { path: "/ws", maxMessageBytes: 1024 * 1024, heartbeatMs: 0, perMessageDeflate: wireVariants[variant] });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    http,
    manager,
    async close() {
      manager.closeAll("bench");
      await closeSockets();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

export interface WireBytes {
  /** Bytes of WebSocket frames the server wrote to the TCP socket (the 101 handshake not counted). */
  sent: number;
  /** Bytes of frames it read from it (the upgrade request not counted). */
  received: number;
}

/**
 * Counts bytes on the TCP socket of each WebSocket that upgrades on `http`: what crosses the
 * network, frame headers and compression included, not the JSON's length.
 */
export function meterWebSockets(http: Server): { latest(): WireBytes } {
  const sockets: { socket: Socket; handshake: number; request: number }[] = [];
  http.prependListener("upgrade", (_req, socket: Socket, head: Buffer) => {
    const entry = { socket, handshake: 0, request: socket.bytesRead - head.length };
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (entry.handshake === 0 && typeof chunk === "string" && chunk.startsWith("HTTP/1.1 101")) entry.handshake = Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    }) as Socket["write"];
    sockets.push(entry);
  });
  return {
    latest() {
      const entry = sockets.at(-1);
      if (!entry) throw new Error("no WebSocket has connected");
      return { sent: entry.socket.bytesWritten - entry.handshake, received: entry.socket.bytesRead - entry.request };
    },
  };
}
