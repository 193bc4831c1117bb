import type { CausalChain, ChainChange, HandlerMessage, MessageRow, ServerMessage, TreeOp, TreeOpsMessage, TreeSetOp } from "@weft/protocol/channel";

/**
 * `JSON.stringify(message)` for the channel, written out by hand for the four messages a watched
 * session sends on every app event (two rows, a tree op, a handler timing, a chain): ~1 KB of
 * JSON per event, which `JSON.stringify` made the largest cost of a tool attached to a busy app
 * (a chain's nested arrays took it 7.8 µs; this writer 1.5 µs; a row 1.3 µs against 0.6 µs).
 * Every other message, and any value of unknown shape inside these, goes to `JSON.stringify`.
 *
 * Written by hand rather than with a schema compiler: fast-json-stringify (the maintained one)
 * writes a row 1.5× slower than this and brings ajv, about 0.1–0.9 s of loading into the app's
 * process. The output is the same JSON (same keys and values; keys in the interfaces' order); the
 * field lists below are checked against the protocol's types, so a field added there fails
 * `npm run typecheck` here until it is written.
 */
export function channelJson(message: ServerMessage): string {
  switch (message.type) {
    case "message":
      return `{"type":"message","row":${rowJson(message.row)}}`;
    case "handler":
      return handlerJson(message);
    case "tree-ops":
      return treeOpsJson(message);
    case "chain":
      return `{"type":"chain","chain":${chainJson(message.chain)}${message.roundTripOnly ? `,"roundTripOnly":true` : ""}}`;
    default:
      return JSON.stringify(message);
  }
}

/** Every field each writer writes, listed to be checked against the protocol's types (`Covers`). */
const rowFields = ["sessionId", "seq", "direction", "kind", "bytes", "at", "ops", "preview", "tool", "cause"] as const;
const handlerFields = ["type", "sessionId", "id", "event", "syncMs", "ms", "at", "error"] as const;
const setFields = ["op", "id", "k", "s", "x", "e"] as const;
const chainFields = ["sessionId", "seq", "cause", "clientSeq", "id", "control", "event", "at", "handler", "changed", "more", "patches", "roundTripMs", "done"] as const;
const changeFields = ["id", "label", "op", "props", "values", "parent"] as const;
/** `true` when `Listed` names every key of `T`; else the type of the missing keys, which `true` does not fit. */
type Covers<T, Listed> = [Exclude<keyof T, Listed>] extends [never] ? true : Exclude<keyof T, Listed>;
const covered: [
  Covers<MessageRow, (typeof rowFields)[number]>,
  Covers<HandlerMessage, (typeof handlerFields)[number]>,
  Covers<TreeSetOp, (typeof setFields)[number]>,
  Covers<CausalChain, (typeof chainFields)[number]>,
  Covers<ChainChange, (typeof changeFields)[number]>,
] = [true, true, true, true, true];
void covered;

const str = JSON.stringify as (value: string) => string;
/** A number as JSON.stringify writes it (NaN and ±Infinity as null). */
const num = (n: number): string => (Number.isFinite(n) ? `${n}` : "null");
/** A number that may be absent or null, where the JSON has a place for it: `null` then. */
const numOrNull = (n: number | null | undefined): string => (n == null ? "null" : num(n));

/** `[a,b,…]`, each item written by `write`: a loop rather than map and join, so no array per list on this per-event path. */
function list<T>(items: readonly T[], write: (item: T) => string): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) out += (i > 0 ? "," : "") + write(items[i]!);
  return out + "]";
}

function rowJson(row: MessageRow): string {
  let out = `{"sessionId":${str(row.sessionId)},"seq":${num(row.seq)},"direction":${str(row.direction)},"kind":${str(row.kind)},"bytes":${num(row.bytes)},"at":${num(row.at)}`;
  if (row.ops !== undefined) out += `,"ops":${num(row.ops)}`;
  out += `,"preview":${str(row.preview)}`;
  if (row.tool !== undefined) out += `,"tool":${row.tool}`;
  if (row.cause !== undefined) out += `,"cause":${str(row.cause)}`;
  return out + "}";
}

/** A frame kind's JSON, kept: a session has a handful of kinds and sends thousands of rows. */
const kinds = new Map<string, string>();
function kindJson(kind: string): string {
  let json = kinds.get(kind);
  if (json === undefined) {
    json = str(kind);
    if (kinds.size < 256) kinds.set(kind, json); // a browser sending made-up types gets no more
  }
  return json;
}

/** A row as its compact tuple (`RowTuple`, protocol's compact.ts): the same values, no keys, no session. */
export function rowTupleJson(row: MessageRow): string {
  let out = `[${num(row.seq)},${row.direction === "in" ? '"in"' : row.direction === "out" ? '"out"' : str(row.direction)},${kindJson(row.kind)},${num(row.bytes)},${num(row.at)},${str(row.preview)}`;
  // Trailing absent fields are left out; one before a present one is null.
  if (row.cause !== undefined) out += `,${numOrNull(row.ops)},${row.tool ? 1 : "null"},${str(row.cause)}`;
  else if (row.tool) out += `,${numOrNull(row.ops)},1`;
  else if (row.ops !== undefined) out += `,${num(row.ops)}`;
  return out + "]";
}

/** A chain as its compact tuple (`ChainTuple`, protocol's compact.ts). */
export function chainTupleJson(c: CausalChain): string {
  let out = `[${num(c.seq)},${num(c.at)},${num(c.id)},${str(c.control)},${str(c.event)},${c.done ? 1 : 0},`;
  if (c.handler === undefined) out += "null";
  else out += `[${num(c.handler.ms)},${num(c.handler.syncMs)}${c.handler.error !== undefined ? `,${str(c.handler.error)}` : ""}]`;
  out += `,${list(c.changed, changeTupleJson)},${num(c.more)},${list(c.patches, patchTupleJson)}`;
  const rt = numOrNull(c.roundTripMs);
  const clientSeq = numOrNull(c.clientSeq);
  if (c.cause !== undefined) out += `,${rt},${clientSeq},${str(c.cause)}`;
  else if (c.clientSeq !== undefined) out += `,${rt},${clientSeq}`;
  else if (c.roundTripMs !== undefined) out += `,${rt}`;
  return out + "]";
}

function changeTupleJson(change: ChainChange): string {
  let out = `[${num(change.id)},${str(change.label)},${str(change.op)},`;
  out += change.props === undefined ? "null" : list(change.props, str);
  out += `,${change.values === undefined ? "null" : list(change.values, valueTupleJson)}`;
  if (change.parent !== undefined) out += `,${str(change.parent)}`;
  return out + "]";
}

type PatchRef = CausalChain["patches"][number];
type ChangedValue = NonNullable<ChainChange["values"]>[number];

const patchTupleJson = (p: PatchRef): string => `[${numOrNull(p.seq)},${num(p.bytes)},${num(p.ops)}]`;
const patchJson = (p: PatchRef): string => `{"seq":${numOrNull(p.seq)},"bytes":${num(p.bytes)},"ops":${num(p.ops)}}`;

function valueTupleJson(v: ChangedValue): string {
  const before = JSON.stringify(v.before) as string | undefined;
  const after = JSON.stringify(v.after) as string | undefined;
  // A value JSON cannot write (undefined) has no place in a tuple: that entry goes as the plain object, its key left out.
  return before === undefined || after === undefined ? JSON.stringify(v) : `[${str(v.name)},${before},${after}]`;
}

function valueJson(v: ChangedValue): string {
  let out = `{"name":${str(v.name)}`;
  // A value of no known shape (a prop's value): JSON.stringify's, the key left out where it gives nothing.
  const before = JSON.stringify(v.before) as string | undefined;
  const after = JSON.stringify(v.after) as string | undefined;
  if (before !== undefined) out += `,"before":${before}`;
  if (after !== undefined) out += `,"after":${after}`;
  return out + "}";
}

function handlerJson(m: HandlerMessage): string {
  let out = `{"type":"handler","sessionId":${str(m.sessionId)},"id":${num(m.id)},"event":${str(m.event)},"syncMs":${num(m.syncMs)},"ms":${num(m.ms)},"at":${num(m.at)}`;
  if (m.error !== undefined) out += `,"error":${JSON.stringify(m.error)}`;
  return out + "}";
}

export function treeOpsJson(m: TreeOpsMessage): string {
  return `{"type":"tree-ops","sessionId":${str(m.sessionId)},"ops":${list(m.ops, treeOpJson)}}`;
}

/** A `set` by hand; the structural ops (an insert carries a whole subtree) by JSON.stringify. */
function treeOpJson(op: TreeOp): string {
  if (op.op !== "set") return JSON.stringify(op);
  let out = `{"op":"set","id":${num(op.id)}`;
  if (op.k !== undefined) out += `,"k":${op.k === null ? "null" : str(op.k)}`;
  if (op.s !== undefined) out += `,"s":${op.s === null ? "null" : str(op.s)}`;
  if (op.x !== undefined) out += `,"x":${op.x}`;
  if (op.e !== undefined) out += `,"e":${op.e}`;
  return out + "}";
}

function chainJson(c: CausalChain): string {
  let out = `{"sessionId":${str(c.sessionId)},"seq":${num(c.seq)}`;
  if (c.cause !== undefined) out += `,"cause":${str(c.cause)}`;
  if (c.clientSeq !== undefined) out += `,"clientSeq":${num(c.clientSeq)}`;
  out += `,"id":${num(c.id)},"control":${str(c.control)},"event":${str(c.event)},"at":${num(c.at)}`;
  if (c.handler !== undefined) {
    out += `,"handler":{"ms":${num(c.handler.ms)},"syncMs":${num(c.handler.syncMs)}`;
    if (c.handler.error !== undefined) out += `,"error":${str(c.handler.error)}`;
    out += "}";
  }
  out += `,"changed":${list(c.changed, changeJson)},"more":${num(c.more)},"patches":${list(c.patches, patchJson)}`;
  if (c.roundTripMs !== undefined) out += `,"roundTripMs":${num(c.roundTripMs)}`;
  return out + `,"done":${c.done}}`;
}

function changeJson(change: ChainChange): string {
  let out = `{"id":${num(change.id)},"label":${str(change.label)},"op":${str(change.op)}`;
  if (change.props !== undefined) out += `,"props":${list(change.props, str)}`;
  if (change.values !== undefined) out += `,"values":${list(change.values, valueJson)}`;
  if (change.parent !== undefined) out += `,"parent":${str(change.parent)}`;
  return out + "}";
}
