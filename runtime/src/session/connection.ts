import { CloseCode, parseClientMessage, PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from "@weft/protocol";
import { hook } from "../hook.ts";
import type { Session, SessionLink } from "./session.ts";
import type { SessionManager } from "./sessionManager.ts";

/** A socket as the protocol sees it: text frames out, a close with a code and a reason. */
export interface Transport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface ConnectionInfo {
  ip: string;
  userAgent?: string;
}

/**
 * The protocol state machine of one connection: `register` first, then events, props and
 * replies for its session. Bad input closes this connection with a precise reason; the process
 * and every other session carry on. Shared by the WebSocket server and the in-memory transport
 * of `weft/testing`, so both run the same protocol code.
 */
export class Connection implements SessionLink {
  session: Session | null = null;
  private closed = false;

  constructor(
    private readonly manager: SessionManager,
    private readonly transport: Transport,
    private readonly info: ConnectionInfo,
  ) {}

  /** One text frame from the browser. */
  receive(text: string): void {
    if (this.closed) return;
    const session = this.session;
    if (session && hook.active) {
      hook.emit({ type: "message", sessionId: session.id, direction: "in", text, bytes: byteLength(text), at: performance.now() });
    }
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.fail(CloseCode.ProtocolError, parsed.code, parsed.message);
    this.dispatch(parsed.message, text);
  }

  send(message: ServerMessage): void {
    if (this.closed) return;
    // Developer tools want the browser's round trips: tell the tab (docs/protocol.md, "Timings").
    if (message.type === "registered" && hook.timings) message = { ...message, devtools: true };
    const text = JSON.stringify(message);
    this.transport.send(text);
    const session = this.session;
    if (session && hook.active) {
      hook.emit({ type: "message", sessionId: session.id, direction: "out", text, bytes: byteLength(text), at: performance.now() });
    }
  }

  /** The transport closed (either side): the session waits for a resume (briefly, after a goodbye: `code` 4003). */
  closedByPeer(code?: number): void {
    if (this.closed) return;
    this.closed = true;
    this.session?.detach(this, code === CloseCode.Goodbye);
  }

  /** Closes from the server side with a reason the browser can show. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
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
      const { session: next, resumed } = this.manager.sessionFor(message.sessionId, message.client, this.info.ip);
      if (this.info.userAgent && !next.client.userAgent) next.client.userAgent = this.info.userAgent;
      this.session = next;
      // The register frame arrived before there was a session to report it under.
      if (hook.active) {
        hook.emit({ type: "message", sessionId: next.id, direction: "in", text, bytes: byteLength(text), at: performance.now() });
      }
      next.attach(this, resumed);
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

  private fail(code: number, errorCode: string, message: string): void {
    this.send({ type: "error", code: errorCode, message });
    this.close(code, message);
  }
}

const encoder = new TextEncoder();
function byteLength(text: string): number {
  // ASCII fast path: most frames are plain JSON without non-ASCII text.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return encoder.encode(text).length;
  return text.length;
}
