import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import { constants, inflateRawSync } from "node:zlib";

/** One frame as it came over the TCP socket. */
export interface WireFrame {
  fin: boolean;
  /** RFC 7692: set on the first frame of a compressed message. */
  rsv1: boolean;
  opcode: number;
  /** The payload as sent (compressed when `rsv1`). */
  payload: Buffer;
  /** The payload's text, inflated first when `rsv1`. */
  text: string;
}

/**
 * A WebSocket client written against the bytes, for tests that must see what a library client
 * hides: the handshake's response headers and each frame's RSV1 bit and size on the wire. It
 * sends unfragmented, masked text frames, uncompressed unless told (a client may always choose
 * not to compress), and reads unmasked server frames.
 */
export class RawSocket {
  readonly frames: WireFrame[] = [];
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly socket: Socket,
    /** The 101 response's headers, lower-cased names. */
    readonly headers: Record<string, string>,
    readonly status: number,
  ) {
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
  }

  /** Opens `ws://host:port/path`, offering the given `Sec-WebSocket-Extensions` (none when null). */
  static async open(port: number, path: string, extensions: string | null): Promise<RawSocket> {
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
      "Sec-WebSocket-Version: 13",
      ...(extensions !== null ? [`Sec-WebSocket-Extensions: ${extensions}`] : []),
    ];
    socket.write(lines.join("\r\n") + "\r\n\r\n");
    let head = Buffer.alloc(0);
    const rest = await new Promise<Buffer>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        socket.off("data", onData);
        resolve(head.subarray(end + 4));
        head = head.subarray(0, end);
      };
      socket.on("data", onData);
      socket.once("error", reject);
      socket.once("close", () => reject(new Error(`closed during the handshake: ${head.toString()}`)));
    });
    const [statusLine, ...headerLines] = head.toString().split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const raw = new RawSocket(socket, headers, Number(statusLine!.split(" ")[1]));
    if (rest.length) socket.emit("data", rest);
    return raw;
  }

  sendText(text: string): void {
    this.sendFrame(Buffer.from(text));
  }

  /** Sends one final text frame with this payload; `rsv1` marks it compressed (the payload is then raw deflate). */
  sendFrame(payload: Buffer, options: { rsv1?: boolean } = {}): void {
    const mask = randomBytes(4);
    const length = payload.length;
    const first = 0x81 | (options.rsv1 ? 0x40 : 0);
    const header =
      length < 126 ? Buffer.from([first, 0x80 | length]) : length < 65536 ? Buffer.from([first, 0x80 | 126, length >> 8, length & 0xff]) : null;
    if (!header) throw new Error("RawSocket sends frames under 64 KiB");
    const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  /** Resolves with the first text frame (from the start) whose text matches, waiting for it. */
  async next(match: (frame: WireFrame) => boolean, timeoutMs = 5000): Promise<WireFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such frame within ${timeoutMs} ms; got ${this.frames.map((f) => f.text.slice(0, 60)).join(" | ")}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const payload = b.subarray(offset, offset + length);
      const rsv1 = (b[0]! & 0x40) !== 0;
      // RFC 7692 §7.2.2: the sender strips the final 00 00 ff ff; the receiver appends it.
      const text = (rsv1 ? inflateRawSync(Buffer.concat([payload, Buffer.from([0, 0, 0xff, 0xff])]), { finishFlush: constants.Z_SYNC_FLUSH }) : payload).toString();
      this.frames.push({ fin: (b[0]! & 0x80) !== 0, rsv1, opcode: b[0]! & 0x0f, payload, text });
      this.buffer = b.subarray(offset + length);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }
}
