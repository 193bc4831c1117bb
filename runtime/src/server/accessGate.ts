import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Decides who may load an app and open its socket, beyond the Host and Origin checks every
 * server makes: a desktop window's token (runtime/src/desktop/windowGate.ts).
 */
export interface AccessGate {
  /** Answers the request itself (true: a refusal, a bootstrap page), or lets the app serve it (false). */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Why this WebSocket upgrade is refused, or undefined to accept it. */
  refuseUpgrade(req: IncomingMessage): { status: number; message: string } | undefined;
}
