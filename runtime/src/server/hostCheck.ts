import { isHostAllowed as hostMatches } from "host-validation-middleware";

export interface HostRules {
  /** The address the server listens on (`--host`): a name given there is one of its own. */
  host: string;
  /**
   * Names besides this machine's that may reach the server (`--allowed-hosts`): `app.example`,
   * or `.example.com` for it and every subdomain; `true` allows any (behind a proxy that checks).
   */
  allowedHosts?: readonly string[] | true;
}

/**
 * DNS rebinding: a page on evil.example that re-resolves its name to 127.0.0.1 reaches a local
 * server as same-origin, but its requests still say `Host: evil.example`. So a request is
 * served only if its Host is this machine's (localhost and *.localhost, any IP address, which
 * rebinding cannot produce, the `--host` name) or an allowed one. Vite's `server.allowedHosts`
 * rule, through the library Vite uses for it.
 */
export function createHostCheck(rules: HostRules): (hostHeader: string | undefined) => boolean {
  if (rules.allowedHosts === true) return () => true;
  // Not frozen on purpose: the library caches every allowed Host of a frozen list, and any IP
  // address with any port is allowed, so a client could grow that cache without end.
  const names = [...(rules.allowedHosts ?? [])];
  if (rules.host && !["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(rules.host)) names.push(rules.host);
  return (hostHeader) => hostMatches(hostHeader, names);
}

export interface OriginRules {
  /** Origins besides the server's own that may send requests and open sockets. */
  allowedOrigins?: readonly string[];
  /** A further test, for origins a list cannot name (VS Code webviews: `vscode-webview://…`). */
  allowOrigin?: (origin: string) => boolean;
}

/**
 * Cross-site requests and WebSocket hijacking: browsers send `Origin` with every WebSocket
 * upgrade and every CORS-mode request; a page of another site must not drive the app in the
 * user's browser. An absent Origin is a client that is not a web page (a test, a tool).
 */
export function isOriginAllowed(origin: string | undefined, hostHeader: string | undefined, rules: OriginRules): boolean {
  if (origin === undefined) return true;
  if (rules.allowedOrigins?.includes(origin) || rules.allowOrigin?.(origin)) return true;
  if (!hostHeader) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === new URL(`http://${hostHeader}`).host;
  } catch {
    return false;
  }
}
