import { MAX_MESSAGE_DEPTH, type ClientInfo, type ClientMessage, type EventMessage, type PropValue } from "./messages.ts";

/** Why a frame from the browser was refused. `code` is stable (docs/errors.md). */
export interface ParseFailure {
  ok: false;
  code: "BAD_JSON" | "BAD_MESSAGE" | "UNKNOWN_TYPE" | "TOO_DEEP";
  message: string;
}

export interface ParseOptions {
  /** Deepest nesting of objects and arrays accepted. Default `MAX_MESSAGE_DEPTH` (64). */
  maxDepth?: number;
}

/**
 * Longest strings `register` may carry. A route is a path and query (nginx's default line limit
 * is 8 KiB); user agents run to a few hundred characters. Session ids are the server's own
 * (16 base64url characters), so anything else cannot name a session.
 */
export const clientInfoLimits = { route: 8192, userAgent: 1024, platform: 128, sessionId: 64, viewport: 100_000 } as const;

export type ParseResult = { ok: true; message: ClientMessage } | ParseFailure;

const fail = (code: ParseFailure["code"], message: string): ParseFailure => ({ ok: false, code, message });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;

/**
 * Parses and shape-checks one text frame from the browser. Never throws: the edge distrusts
 * its input, and every refusal says what was wrong so the close reason is useful.
 */
export function parseClientMessage(text: string, options: ParseOptions = {}): ParseResult {
  const maxDepth = options.maxDepth ?? MAX_MESSAGE_DEPTH;
  if (nestsDeeperThan(text, maxDepth)) return fail("TOO_DEEP", `frame nests deeper than ${maxDepth} levels`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail("BAD_JSON", `frame is not JSON: ${(err as Error).message}`);
  }
  if (!isObject(raw)) return fail("BAD_MESSAGE", "a message must be a JSON object");
  const type = raw.type;
  switch (type) {
    case "register": {
      if (typeof raw.protocol !== "number") return fail("BAD_MESSAGE", "register needs a numeric 'protocol'");
      const { sessionId } = raw;
      if (sessionId !== undefined && (typeof sessionId !== "string" || !SESSION_ID.test(sessionId)))
        return fail("BAD_MESSAGE", `register 'sessionId' must be 1–${clientInfoLimits.sessionId} characters of [A-Za-z0-9_-]`);
      const client = parseClientInfo(raw.client);
      if (typeof client === "string") return fail("BAD_MESSAGE", client);
      // Another value (a later form) is not refused: this server then sends absolute ids, which every client reads.
      return { ok: true, message: { type, protocol: raw.protocol, ...(sessionId !== undefined ? { sessionId } : {}), client, ...(raw.ids === "relative" ? { ids: raw.ids } : {}) } };
    }
    case "event": {
      if (!isId(raw.id)) return fail("BAD_MESSAGE", "event needs a positive integer 'id'");
      if (typeof raw.name !== "string" || raw.name === "") return fail("BAD_MESSAGE", "event needs a 'name'");
      if (raw.seq !== undefined && !isId(raw.seq)) return fail("BAD_MESSAGE", "event 'seq' must be a positive integer");
      const event: EventMessage = { type, id: raw.id, name: raw.name, data: raw.data as PropValue | undefined };
      if (raw.seq !== undefined) event.seq = raw.seq;
      return { ok: true, message: event };
    }
    case "props":
      if (!isId(raw.id)) return fail("BAD_MESSAGE", "props needs a positive integer 'id'");
      if (!isObject(raw.props)) return fail("BAD_MESSAGE", "props needs an object 'props'");
      return { ok: true, message: { type, id: raw.id, props: raw.props as Record<string, PropValue> } };
    case "reply":
      if (typeof raw.callId !== "number") return fail("BAD_MESSAGE", "reply needs a numeric 'callId'");
      if (raw.error !== undefined && typeof raw.error !== "string")
        return fail("BAD_MESSAGE", "reply 'error' must be a string");
      return {
        ok: true,
        message: { type, callId: raw.callId, result: raw.result as PropValue | undefined, error: raw.error as string | undefined },
      };
    case "timing":
      if (!isId(raw.seq)) return fail("BAD_MESSAGE", "timing needs a positive integer 'seq'");
      if (typeof raw.ms !== "number" || !Number.isFinite(raw.ms) || raw.ms < 0) return fail("BAD_MESSAGE", "timing needs a number 'ms' ≥ 0");
      return { ok: true, message: { type, seq: raw.seq, ms: raw.ms } };
    default:
      return fail(
        "UNKNOWN_TYPE",
        typeof type === "string" ? `unknown message type '${type.slice(0, 40)}'` : "message has no string 'type'",
      );
  }
}

const SESSION_ID = new RegExp(`^[A-Za-z0-9_-]{1,${clientInfoLimits.sessionId}}$`);

/**
 * The client facts of `register`, field by field, copied into a fresh object: they reach the
 * page (`page.clientUserAgent`), the inspector's session list and recordings, so a wrong type or
 * an extra field must stop here (an object `userAgent` once blanked the inspector). Returns the
 * reason as a string when refused.
 */
function parseClientInfo(client: unknown): ClientInfo | string {
  if (!isObject(client)) return "register needs a 'client' object";
  const { route, userAgent, platform, width, height, brightness, pwa } = client;
  const text = (name: string, value: unknown, max: number) =>
    typeof value !== "string" ? `register 'client.${name}' must be a string` : value.length > max ? `register 'client.${name}' is longer than ${max} characters` : null;
  const size = (name: string, value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= clientInfoLimits.viewport ? null : `register 'client.${name}' must be a number of pixels (0–${clientInfoLimits.viewport})`;
  const problem =
    text("route", route, clientInfoLimits.route) ??
    (userAgent !== undefined ? text("userAgent", userAgent, clientInfoLimits.userAgent) : null) ??
    (platform !== undefined ? text("platform", platform, clientInfoLimits.platform) : null) ??
    (width !== undefined ? size("width", width) : null) ??
    (height !== undefined ? size("height", height) : null) ??
    (brightness !== undefined && brightness !== "light" && brightness !== "dark" ? `register 'client.brightness' must be "light" or "dark"` : null) ??
    (pwa !== undefined && typeof pwa !== "boolean" ? "register 'client.pwa' must be a boolean" : null);
  if (problem) return problem;
  const info: ClientInfo = { route: route as string };
  if (userAgent !== undefined) info.userAgent = userAgent as string;
  if (platform !== undefined) info.platform = platform as string;
  if (width !== undefined) info.width = width as number;
  if (height !== undefined) info.height = height as number;
  if (brightness !== undefined) info.brightness = brightness as "light" | "dark";
  if (pwa === true) info.pwa = true;
  return info;
}

/**
 * True when the JSON text nests objects and arrays deeper than `max`. Checked before
 * `JSON.parse`, which builds 20,000 nested arrays happily; the stack overflows later, in
 * whichever `JSON.stringify` or recursive walk meets the value next (the devtools channel did).
 * One pass over the characters, skipping strings; a text shorter than the limit cannot exceed it.
 * Written by hand: no JSON library exposes a depth limit without parsing in JavaScript.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote, stepping over escapes
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
