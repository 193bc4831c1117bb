import { constants, inflateRawSync } from "node:zlib";
import type { PerMessageDeflateOptions, WebSocket } from "ws";
import { defaultOptions, type WeftOptions } from "../session/options.ts";

/**
 * Per-message compression (RFC 7692, permessage-deflate) for weft's sockets: the app's `/ws`
 * and the devtools channel. Every browser offers it; `ws` implements it, and this module only
 * chooses its settings and frees its zlib streams between messages.
 *
 * The numbers behind the choice (`npm run bench`, the compression section; docs/protocol.md):
 *
 * - **No context takeover, both ways.** With takeover a socket keeps its zlib streams for its
 *   whole life, so that later messages can point back into earlier ones: a click's patch then
 *   takes 9 bytes instead of 70, but every socket holds a deflate and an inflate context (the
 *   browser picks its own window, up to 32 KB): measured, an idle counter session holds 121 KiB
 *   instead of 10, and it must stay ≤ 25 KB. Without takeover every message stands alone, so
 *   the streams can be freed as soon as the socket has nothing to (de)compress
 *   (`tuneSocketCompression`): an idle socket holds no zlib memory at all.
 * - **A threshold.** Without takeover a small message barely shrinks (a 100-byte patch has no
 *   earlier text to point at) and would wait a thread-pool round trip for zlib; frames below
 *   `compressionThreshold` (1 KiB) go out as they are. Most patches are below it; first pages,
 *   big lists and tree snapshots are above it.
 * - **A 2 KiB window (11 bits), memLevel 6.** weft's pages repeat at short range (sibling nodes
 *   of the same shape), so a small window loses little: the 4,000-control page is smallest at
 *   10 bits and 25% bigger at zlib's 15, the gallery is smallest at 15 and 10% bigger at 11.
 *   It also bounds a stream while it exists: ≈ 40 KB of zlib state instead of 256 KB.
 * - **Small frames from the browser inflated in one step.** Browsers compress every frame they
 *   send, a 50-byte click included. ws inflates through a zlib stream on libuv's thread pool:
 *   two thread hops per event, ≈ 0.3 ms more CPU per click on a busy 2-core machine. A
 *   complete frame under `SMALL_FRAME` bytes is inflated synchronously instead (≈ 3 µs with
 *   warm caches, ≈ 0.1 ms on that machine), which no context takeover makes exactly equivalent.
 * - **Bounded concurrency.** At most `compressionConcurrency` zlib jobs run at once in the
 *   process (ws queues the rest). Since streams are freed between messages, that also bounds
 *   how many exist at once. ws keeps one limiter per process, sized by the first socket that
 *   negotiates compression (websockets/ws#1202: unbounded zlib work fragments memory).
 */

/** The compression limits of a server (runtime/src/session/options.ts); unset ones take the defaults. */
export type CompressionSettings = Partial<Pick<WeftOptions, "compression" | "compressionThreshold" | "compressionConcurrency">>;

/** log2 of the server's LZ77 window (a 2 KiB window); see the reasoning above. */
export const SERVER_WINDOW_BITS = 11;
/** zlib's memLevel for the server's deflate: 2^(6+9) bytes of hash and pending buffers. */
export const DEFLATE_MEM_LEVEL = 6;

/** ws's `perMessageDeflate` option for a server with these settings, or false when compression is off. */
export function perMessageDeflateOptions(settings: CompressionSettings = {}): PerMessageDeflateOptions | false {
  if (!(settings.compression ?? defaultOptions.compression)) return false;
  return {
    serverNoContextTakeover: true,
    clientNoContextTakeover: true,
    serverMaxWindowBits: SERVER_WINDOW_BITS,
    // Not set: asking browsers for a smaller window of their own makes ws refuse (400) an offer
    // that does not mention client_max_window_bits (Firefox's plain "permessage-deflate"). The
    // inflate stream a browser's window costs (≤ 32 KB) exists only while a message is inflated.
    clientMaxWindowBits: undefined,
    zlibDeflateOptions: { memLevel: DEFLATE_MEM_LEVEL },
    threshold: settings.compressionThreshold ?? defaultOptions.compressionThreshold,
    concurrencyLimit: settings.compressionConcurrency ?? defaultOptions.compressionConcurrency,
  };
}

/** Compressed frames from a client up to this size are inflated synchronously... */
export const SMALL_FRAME = 1024;
/** ...when they inflate to at most this much; a bigger one goes through ws's stream, which enforces maxPayload (1009). */
const SMALL_FRAME_OUTPUT = 64 * 1024;

/**
 * What RFC 7692 §7.2.2 has the sender strip from the end of each message, then an empty final
 * block (fixed Huffman, end-of-block only): the message becomes a complete deflate stream, which
 * zlib inflates to its end without allocating a window to keep for a next message.
 */
const TRAILER_AND_END = Buffer.from([0x00, 0x00, 0xff, 0xff, 0x03, 0x00]);

/** The parts of ws's PerMessageDeflate (lib/permessage-deflate.js) this module relies on. */
interface DeflateExtension {
  params: Record<string, unknown> | null;
  _isServer: boolean;
  _deflate: unknown;
  _inflate: unknown;
  _compress(data: unknown, fin: boolean, callback: (err: Error | null, result?: Buffer) => void): void;
  _decompress(data: unknown, fin: boolean, callback: (err: Error | null, result?: Buffer) => void): void;
  cleanup(): void;
}

function extensionOf(ws: WebSocket): DeflateExtension | undefined {
  const extension = (ws as unknown as { _extensions?: Record<string, unknown> })._extensions?.["permessage-deflate"] as Partial<DeflateExtension> | undefined;
  if (!extension || typeof extension._compress !== "function" || typeof extension._decompress !== "function" || typeof extension.cleanup !== "function") return undefined;
  return extension as DeflateExtension;
}

/**
 * For a server's socket that negotiated no context takeover both ways (weft's setup):
 * - frees its zlib streams whenever no message is being compressed or decompressed, so an
 *   idle socket costs no zlib memory; the next message makes new ones (a few µs, next to the
 *   ≈ 40 µs a zlib job costs anyway);
 * - inflates a complete compressed frame under `SMALL_FRAME` bytes in one synchronous step,
 *   without a stream or the thread pool (browsers compress even a click).
 * With context takeover the streams are the context, so it does nothing. Returns whether it applies.
 *
 * Written here because ws has no option for either: ws resets the streams after each message
 * (zlib's deflateReset), which keeps their memory, and always inflates on the thread pool.
 * This reaches into ws's PerMessageDeflate (its per-socket `_extensions` entry and the
 * `_compress` / `_decompress` steps its limiter runs); if a future ws changes them, this does
 * nothing and sockets behave as ws makes them (the compression tests notice).
 */
export function tuneSocketCompression(ws: WebSocket): boolean {
  const extension = extensionOf(ws);
  if (!extension?._isServer || !extension.params?.server_no_context_takeover || !extension.params.client_no_context_takeover) return false;
  const clientWindowBits = typeof extension.params.client_max_window_bits === "number" ? extension.params.client_max_window_bits : constants.Z_DEFAULT_WINDOWBITS;
  let running = 0;
  // A message split into fragments is one deflate stream: it must live until the last one.
  const midMessage = { out: false, in: false };
  let scheduled = false;
  const release = () => {
    scheduled = false;
    if (running === 0 && !midMessage.out && !midMessage.in) extension.cleanup();
  };
  const wrap = (step: "_compress" | "_decompress", direction: "out" | "in") => {
    const original = extension[step].bind(extension);
    extension[step] = (data, fin, callback) => {
      running++;
      original(data, fin, (err, result) => {
        running--;
        midMessage[direction] = !fin && !err;
        // After the current callback chain: ws dispatches the next queued frame from inside
        // it, and that one may reuse the stream.
        if (running === 0 && !scheduled) {
          scheduled = true;
          setImmediate(release);
        }
        callback(err, result);
      });
    };
  };
  wrap("_compress", "out");
  wrap("_decompress", "in");

  const streamed = extension._decompress;
  extension._decompress = (data, fin, callback) => {
    if (fin && !midMessage.in && Buffer.isBuffer(data) && data.length <= SMALL_FRAME) {
      let inflated: Buffer | undefined;
      try {
        inflated = inflateRawSync(Buffer.concat([data, TRAILER_AND_END]), { windowBits: clientWindowBits, chunkSize: 1024, maxOutputLength: SMALL_FRAME_OUTPUT });
      } catch {
        // A broken frame, one that inflates past SMALL_FRAME_OUTPUT, or one that already ended
        // its deflate stream itself: the stream path takes it as ws does (close 1007 for a
        // broken one, 1009 past maxPayload).
      }
      // Never synchronously: ws's receiver expects the callback after `_decompress` returns.
      if (inflated) return void queueMicrotask(() => callback(null, inflated));
    }
    streamed(data, fin, callback);
  };
  return true;
}

/** How many zlib streams a socket holds now (0, 1 or 2): for tests and the benchmark. */
export function heldZlibStreams(ws: WebSocket): number {
  const extension = extensionOf(ws);
  if (!extension) return 0;
  return (extension._deflate ? 1 : 0) + (extension._inflate ? 1 : 0);
}
