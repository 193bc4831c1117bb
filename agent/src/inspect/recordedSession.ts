import { basename } from "node:path";
import type { Recording } from "weft/testing";
import type { CausalChain, DeadSession, MessageResult, SessionError, TreeNode } from "@weft/protocol/channel";
import type { PatchOp, WireNode } from "@weft/protocol";
import { controlLabel } from "@weft/protocol/channel";
import { messageRow } from "../messageRow.ts";
import { ChainTracker, chainDefaults } from "./causalChains.ts";
import { SessionHistory } from "./sessionHistory.ts";
import type { TreeMirror } from "./treeMirror.ts";

/** What the inspector keeps of a session once it has ended, live or recorded. */
export interface EndedSession {
  info: DeadSession;
  root: TreeNode | null;
  errors: SessionError[];
  history: SessionHistory;
  frames: MessageResult[];
  chains: CausalChain[];
}

/**
 * A recording's session as the inspector shows an ended one (`weft inspect`, or a file dropped on
 * the inspector): every message as a row with its text, the tree at every step (the history, with
 * no bound but the file's), causal chains (each browser event with the patches until the next
 * one, and the tab's round trips when the recording has its timings) and the errors the app sent.
 * The Playwright trace viewer's idea, for a weft session. `id` is the session id it is shown under.
 */
export function recordedSession(recording: Recording, id: string, index?: number): EndedSession {
  const { header } = recording;
  const t0 = Date.parse(header.startedAt);
  const start = Number.isFinite(t0) ? t0 : 0;
  const history = new SessionHistory({ patches: Number.MAX_SAFE_INTEGER, ops: Number.MAX_SAFE_INTEGER });
  const frames: MessageResult[] = [];
  const errors: SessionError[] = [];
  const labelOf = (_: string, controlId: number) => history.current?.label(controlId) ?? controlLabel("control", controlId);
  const chains = new ChainTracker(() => {}, labelOf, { ...chainDefaults, kept: Number.MAX_SAFE_INTEGER });
  /** Call ids of the devtools' own invokes (the picker's): their frames and replies are the tool's. */
  const toolCalls = new Set<number>();
  const steps: number[] = [];
  let seq = 0;
  let title: string | undefined;
  let reason = "ended";
  let endAt = start;

  for (const entry of recording.entries) {
    const at = start + entry.t;
    endAt = Math.max(endAt, at);
    if ("event" in entry) {
      if (entry.event === "end") reason = entry.reason ?? reason;
      if (entry.event === "disconnect" && steps.length > 0) {
        chains.settle(id);
        steps.push(seq);
      }
      continue;
    }
    const direction = "in" in entry ? "in" : "out";
    const message = ("in" in entry ? entry.in : entry.out) as { type: string; callId?: number; method?: string } & Record<string, unknown>;
    const text = JSON.stringify(message);
    const row = messageRow(id, ++seq, direction, text, byteLength(text), at);
    if (direction === "in") {
      if (message.type === "timing") row.tool = true;
      else if (message.type === "reply" && toolCalls.delete(message.callId as number)) row.tool = true;
      else if (message.type !== "reply") {
        chains.settle(id); // the next thing the user did: what the last event caused is complete
        steps.push(seq);
      }
    } else if (message.type === "invoke" && typeof message.method === "string" && message.method.startsWith("devtools.")) {
      row.tool = true;
      toolCalls.add(message.callId as number);
    }
    frames.push({ row, text });
    history.noteMessage(seq);
    if (direction === "in") {
      if (message.type === "event") chains.event(id, seq, at, text);
      else if (message.type === "timing") chains.timing(id, message.seq as number, message.ms as number);
      continue;
    }
    switch (message.type) {
      case "registered": {
        const page = message.page as WireNode;
        history.page(seq, page);
        if (typeof page.p.title === "string") title = page.p.title;
        break;
      }
      case "patch": {
        const ops = message.ops as PatchOp[];
        const mirror = history.current;
        chains.patch(id, ops, { seq, bytes: row.bytes }, (op) => (mirror ? describeSet(mirror, op) : []));
        history.patch(seq, ops);
        for (const op of ops) if (op.op === "set" && op.id === history.current?.root && typeof op.props?.title === "string") title = op.props.title;
        break;
      }
      case "error":
        errors.push({ where: "the app answered with an error", error: { name: String(message.code ?? "Error"), message: String(message.message ?? "") }, at });
        break;
      case "crashed":
        errors.push({ where: "main", error: { name: "Error", message: String(message.message ?? "") }, at });
        break;
      default:
        break;
    }
  }
  chains.settle(id);

  const client = header.client;
  const info: DeadSession = {
    id,
    state: "closed",
    route: client.route,
    clientIp: "",
    createdAt: start,
    closedAt: endAt,
    reason,
    errors: errors.length,
    recording: { file: basename(recording.source), app: header.app, startedAt: header.startedAt, steps },
  };
  if (title !== undefined) info.title = title;
  if (client.userAgent) info.userAgent = client.userAgent;
  if (index !== undefined) info.index = index;
  return { info, root: history.current?.toTree() ?? null, errors, history, frames, chains: chains.recent(id) };
}

function describeSet(mirror: TreeMirror, op: Extract<PatchOp, { op: "set" }>) {
  const change = mirror.describe(op);
  return change.op === "set" ? change.props : [];
}

const encoder = new TextEncoder();
function byteLength(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return encoder.encode(text).length;
  return text.length;
}
