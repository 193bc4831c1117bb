import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccessGate } from "../server/accessGate.ts";
import type { Session } from "../session/session.ts";

/** The query parameter of the URL the window opens with. */
export const TOKEN_PARAM = "weft-window";
/** Where the renderer keeps its session id (its `SESSION_KEY`, in sessionStorage). */
const RENDERER_SESSION_KEY = "weft:session";

/** The gate of a desktop app's server: only its window gets in. */
export interface WindowGate extends AccessGate {
  /** The secret the window's first request carries; the server lets in no one without it. */
  readonly token: string;
  /** The URL the window opens: `serverUrl` with the token, answered by a bootstrap page. */
  launchUrl(serverUrl: string): string;
  /** The window's session (started before the window opened); set once it exists. */
  session: Session | null;
}

/**
 * A desktop app's server serves one window: the one weft opened with a random token in its URL.
 *
 * 1. The window opens `/?weft-window=<token>`. The answer is a tiny bootstrap page that sets an
 *    HttpOnly, SameSite=Strict cookie holding the token and puts the session id main already
 *    ran for into the tab's sessionStorage, then replaces itself with the app's page, so the
 *    token leaves the address and the app's route is clean.
 * 2. Every later request and the WebSocket upgrade must carry that cookie; anything else gets a
 *    403 naming the reason. The cookie's name holds the port: cookies ignore ports, and two
 *    desktop apps on one machine must not read each other's.
 * 3. One window at a time: while the session has a live socket, another upgrade gets a 409
 *    (a reloading window's old socket may still be closing: its renderer retries).
 */
export function createWindowGate(): WindowGate {
  const token = randomBytes(24).toString("base64url");
  const expected = Buffer.from(token);
  const matches = (value: string | undefined) => {
    if (value === undefined) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const cookieName = (req: IncomingMessage) => `weft-window-${req.socket.localPort ?? 0}`;
  const hasCookie = (req: IncomingMessage) => matches(readCookie(req.headers.cookie, cookieName(req)));

  const gate: WindowGate = {
    token,
    session: null,
    launchUrl(serverUrl) {
      const url = new URL(serverUrl);
      url.searchParams.set(TOKEN_PARAM, token);
      return url.href;
    },
    handleRequest(req: IncomingMessage, res: ServerResponse) {
      let url: URL;
      try {
        url = new URL(req.url ?? "/", "http://x");
      } catch {
        res.writeHead(400, { "content-type": "text/plain" }).end("weft: bad request URL\n");
        return true;
      }
      const given = url.searchParams.get(TOKEN_PARAM);
      if (given !== null) {
        if (!matches(given)) {
          res.writeHead(403, { "content-type": "text/plain" }).end("weft: wrong window token: this app is shown in the desktop window weft opened\n");
          return true;
        }
        url.searchParams.delete(TOKEN_PARAM);
        const page = `${url.pathname}${url.search}`;
        const sessionId = gate.session?.id;
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "set-cookie": `${cookieName(req)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          // The bootstrap page's one inline script, nothing else.
          "content-security-policy": "default-src 'none'; script-src 'unsafe-inline'",
        });
        res.end(bootstrapPage(page, sessionId));
        return true;
      }
      if (hasCookie(req)) return false;
      res.writeHead(403, { "content-type": "text/plain" }).end("weft: this app is shown in its desktop window only (--view desktop); no other page may open it\n");
      return true;
    },
    refuseUpgrade(req) {
      if (!hasCookie(req)) return { status: 403, message: "only the app's desktop window may open this socket" };
      if (gate.session?.connected) return { status: 409, message: "the app's window is already connected (one window per desktop app)" };
      return undefined;
    },
  };
  return gate;
}

function bootstrapPage(page: string, sessionId: string | undefined): string {
  // JSON.stringify of these strings, with "<" escaped, cannot end the script element.
  const js = (value: string) => JSON.stringify(value).replace(/</g, "\\u003c");
  const keep = sessionId ? `try { sessionStorage.setItem(${js(RENDERER_SESSION_KEY)}, ${js(sessionId)}); } catch {}\n` : "";
  return `<!doctype html><meta charset="utf-8"><title></title><script>\n${keep}location.replace(${js(page)});\n</script>\n`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
