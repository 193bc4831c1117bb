import { carriesNodes, CloseCode, parseClientMessage, PROTOCOL_VERSION, toRelativeIds, type ClientMessage, type ServerMessage } from "@weft/protocol";
import { hook } from "../hook.ts";
import { stackOf } from "../thrownValue.ts";
import type { PageRequest } from "./pageRequest.ts";
import type { Session, SessionLink } from "./session.ts";
import type { SessionClaim, SessionManager } from "./sessionManager.ts";
import { randomId } from "../platform/randomId.ts";

/** A socket as the protocol sees it: text frames out, a close with a code and a reason. */
export interface Transport {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes the socket with a WebSocket close code and reason. */
  close(code: number, reason: string): void;
  /** Whether the peer answers (a WebSocket ping) within `timeoutMs`; absent: taken as alive. */
  isAlive?(timeoutMs: number): Promise<boolean>;
}

/** What the server knows of the tab behind a connection. */
export interface ConnectionInfo {
  /** The address the tab connected from. */
  ip: string;
  /** The tab's User-Agent header, when it sent one. */
  userAgent?: string;
  /** The upgrade URL's `?session=` (docs/scaling.md), already checked by the endpoint. */
  routingKey?: string;
  /** The HTTP request that opened the connection (a WebSocket upgrade): `page.request`. */
  request?: PageRequest;
}

/** Frames a client may send after `register` while the server still decides on its session. */
const MAX_FRAMES_WHILE_REGISTERING = 64;

/**
 * The protocol state machine of one connection: `register` first (within the register
 * timeout), then events, props and replies for its session. Bad input closes this connection
 * with a precise reason; the process and every other session carry on. Shared by the WebSocket
 * server and the in-memory transport of `weft/testing`, so both run the same protocol code.
 */
export class Connection implements SessionLink {
  /** The session this connection registered to; null until the tab's `register` is answered. */
  session: Session | null = null;
  private closed = false;
  /** Set between `register` and the session it gets, when that waits for a ping (a takeover). */
  private registering: string[] | null = null;
  private registerTimer: ReturnType<typeof setTimeout> | null;
  /** The client asked for nodes with relative ids (`register.ids`): deflate's best case (docs/protocol.md). */
  private relativeIds = false;

  constructor(
    private readonly manager: SessionManager,
    private readonly transport: Transport,
    private readonly info: ConnectionInfo,
  ) {
    const { registerTimeoutMs } = manager.options;
    this.registerTimer = setTimeout(
      () => this.close(CloseCode.RegisterTimeout, `no 'register' within ${registerTimeoutMs} ms of connecting`),
      registerTimeoutMs,
    );
    this.registerTimer.unref?.();
  }

  /** One text frame from the browser. */
  receive(text: string): void {
    if (this.closed) return;
    if (this.registering) {
      if (this.registering.length >= MAX_FRAMES_WHILE_REGISTERING) {
        return this.fail(CloseCode.ProtocolError, "BAD_MESSAGE", `more than ${MAX_FRAMES_WHILE_REGISTERING} frames before 'registered'`);
      }
      this.registering.push(text);
      return;
    }
    const session = this.session;
    if (session && hook.active) {
      hook.emit({ type: "message", sessionId: session.id, direction: "in", text, bytes: byteLength(text), at: performance.now() });
    }
    const parsed = parseClientMessage(text, { maxDepth: this.manager.options.maxMessageDepth });
    if (!parsed.ok) return this.fail(parsed.code === "TOO_DEEP" ? CloseCode.TooDeep : CloseCode.ProtocolError, parsed.code, parsed.message);
    try {
      this.dispatch(parsed.message, text);
    } catch (err) {
      // Handlers' errors are the session's and never get here: this is weft failing on a frame.
      this.internalError(err);
    }
  }

  /** Sends a message to the tab (nothing once the connection is closed). */
  send(message: ServerMessage): void {
    if (this.closed) return;
    // Developer tools want the browser's round trips: tell the tab (docs/protocol.md, "Timings").
    if (message.type === "registered" && hook.timings) message = { ...message, devtools: true };
    const relative = this.relativeIds && carriesNodes(message);
    const wire = JSON.stringify(relative ? toRelativeIds(message) : message);
    this.transport.send(wire);
    if (message.type === "patch") this.manager.meter?.patch(byteLength(wire));
    const session = this.session;
    if (session && hook.active) {
      // Tools and recordings read the ordinary form (absolute ids); the bytes are the frame's.
      const text = relative ? JSON.stringify(message) : wire;
      hook.emit({ type: "message", sessionId: session.id, direction: "out", text, bytes: byteLength(wire), at: performance.now() });
    }
  }

  isAlive(timeoutMs: number): boolean | Promise<boolean> {
    if (this.closed) return false;
    return this.transport.isAlive ? this.transport.isAlive(timeoutMs) : true;
  }

  /** The transport closed (either side): the session waits for a resume (briefly, after a goodbye: `code` 4005). */
  closedByPeer(code?: number): void {
    if (this.closed) return;
    this.closed = true;
    this.stopRegisterTimer();
    this.session?.detach(this, code === CloseCode.Goodbye);
  }

  /** Closes from the server side with a reason the browser can show. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.stopRegisterTimer();
    this.session?.detach(this);
    this.transport.close(code, reason.slice(0, 120)); // close reasons are capped at 123 bytes
  }

  private dispatch(message: ClientMessage, text: string): void {
    const session = this.session;
    if (message.type === "register") {
      if (session) return this.fail(CloseCode.ProtocolError, "BAD_MESSAGE", "register was already sent on this connection");
      if (message.protocol !== PROTOCOL_VERSION) {
        return this.fail(
          CloseCode.VersionMismatch,
          "PROTOCOL_VERSION",
          `this server speaks weft protocol ${PROTOCOL_VERSION}, the client ${message.protocol}; reload the page`,
        );
      }
      this.stopRegisterTimer();
      this.relativeIds = message.ids === "relative";
      const claim = this.manager.sessionFor(message.sessionId, message.client, this.info.ip, this.info.routingKey);
      if (!(claim instanceof Promise)) return this.registered(claim, text);
      this.registering = [];
      claim.then(
        (decided) => {
          const held = this.registering ?? [];
          this.registering = null;
          if (this.closed) return;
          try {
            this.registered(decided, text);
          } catch (err) {
            return this.internalError(err);
          }
          for (const frame of held) this.receive(frame);
        },
        (err) => this.internalError(err),
      );
      return;
    }
    if (!session) return this.fail(CloseCode.ProtocolError, "BAD_MESSAGE", `expected 'register' first, got '${message.type}'`);
    switch (message.type) {
      case "event":
        return session.handleEvent(message);
      case "props":
        return session.handleProps(message);
      case "reply":
        return session.handleReply(message);
      case "timing":
        if (hook.active) hook.emit({ type: "timing", sessionId: session.id, seq: message.seq, ms: message.ms });
        return;
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private registered({ session, resumed }: SessionClaim, text: string): void {
    if (this.info.userAgent && !session.client.userAgent) session.client.userAgent = this.info.userAgent;
    // A resumed session sees this connection's request: cookies set or cleared since count.
    if (this.info.request) session.request = this.info.request;
    this.session = session;
    // The register frame arrived before there was a session to report it under.
    if (hook.active) {
      hook.emit({ type: "message", sessionId: session.id, direction: "in", text, bytes: byteLength(text), at: performance.now() });
    }
    session.attach(this, resumed);
  }

  private fail(code: number, errorCode: string, message: string): void {
    this.send({ type: "error", code: errorCode, message });
    this.close(code, message);
  }

  /** weft itself failed on a frame: the log gets the stack, the tab a reference, and it reconnects. */
  private internalError(err: unknown): void {
    const ref = randomId(6);
    console.error(`weft: internal error handling a frame of ${this.session ? `session ${this.session.id}` : "a new connection"} [ref ${ref}]:\n${stackOf(err)}`);
    this.close(CloseCode.InternalError, `internal error (reference ${ref})`);
  }

  private stopRegisterTimer(): void {
    if (this.registerTimer !== null) clearTimeout(this.registerTimer);
    this.registerTimer = null;
  }
}

const encoder = new TextEncoder();
function byteLength(text: string): number {
  // ASCII fast path: most frames are plain JSON without non-ASCII text.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return encoder.encode(text).length;
  return text.length;
}
