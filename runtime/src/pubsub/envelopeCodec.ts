import { WeftError } from "../errors.ts";
import type { PubSubEnvelope } from "./pubsubHub.ts";

/**
 * How an envelope travels between the processes of an app (one Redis message): JSON with short
 * field names, and the sending process's id so that process can skip its own envelopes (it has
 * delivered them to its sessions already).
 *
 *   {"v":1,"p":"<process>","t":null,"f":"<session>","o":true,"m":<message>}
 */
interface WireEnvelope {
  v: 1;
  /** The publishing process (transport instance). */
  p: string;
  t: string | null;
  f: string;
  o: boolean;
  m: unknown;
}

/**
 * The text of an envelope. A message crosses processes as JSON, so one JSON cannot carry (a
 * BigInt, a cycle) is refused here, before any session got it: a message reaches either every
 * subscriber or none, whether the receivers are in this process or another.
 */
export function encodeEnvelope(envelope: PubSubEnvelope, processId: string): string {
  const wire: WireEnvelope = { v: 1, p: processId, t: envelope.topic, f: envelope.from, o: envelope.toOthers, m: envelope.message };
  try {
    return JSON.stringify(wire);
  } catch (err) {
    throw new WeftError(
      "PUBSUB_MESSAGE",
      `a pubsub message crosses processes as JSON, and this one is not JSON (${(err as Error).message}); send plain data (strings, numbers, arrays, objects)`,
      { cause: err },
    );
  }
}

export type DecodedEnvelope = { ok: true; processId: string; envelope: PubSubEnvelope } | { ok: false; reason: string };

/** Reads a Redis message; anything that is not an envelope of this version is refused with why. */
export function decodeEnvelope(text: string): DecodedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  if (typeof raw !== "object" || raw === null) return { ok: false, reason: "not an object" };
  const wire = raw as Partial<WireEnvelope>;
  if (wire.v !== 1) return { ok: false, reason: `envelope version ${JSON.stringify(wire.v)}, this process reads 1` };
  if (typeof wire.p !== "string" || typeof wire.f !== "string" || typeof wire.o !== "boolean" || (wire.t !== null && typeof wire.t !== "string") || !("m" in wire)) {
    return { ok: false, reason: "a field is missing or of the wrong type" };
  }
  return { ok: true, processId: wire.p, envelope: { topic: wire.t, from: wire.f, toOthers: wire.o, message: wire.m } };
}
