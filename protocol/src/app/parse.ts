import type { ClientMessage, EventMessage, PropValue } from "./messages.ts";

/** Why a frame from the browser was refused. `code` is stable (docs/errors.md). */
export interface ParseFailure {
  ok: false;
  code: "BAD_JSON" | "BAD_MESSAGE" | "UNKNOWN_TYPE";
  message: string;
}

export type ParseResult = { ok: true; message: ClientMessage } | ParseFailure;

const fail = (code: ParseFailure["code"], message: string): ParseFailure => ({ ok: false, code, message });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;

/**
 * Parses and shape-checks one text frame from the browser. Never throws: the edge distrusts
 * its input, and every refusal says what was wrong so the close reason is useful.
 */
export function parseClientMessage(text: string): ParseResult {
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
      if (raw.sessionId !== undefined && typeof raw.sessionId !== "string")
        return fail("BAD_MESSAGE", "register 'sessionId' must be a string");
      const client = raw.client;
      if (!isObject(client) || typeof client.route !== "string")
        return fail("BAD_MESSAGE", "register needs 'client' with a string 'route'");
      return { ok: true, message: raw as unknown as ClientMessage };
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
