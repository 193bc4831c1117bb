import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type {
  ClientMessage,
  ControlId,
  EventMessage,
  InvokeMessage,
  PropsMessage,
  PropValue,
  RegisterMessage,
  ReplyMessage,
  ServerMessage,
} from "@weft/protocol";
import type { SessionOptions } from "../session/options.ts";
import type { AppMain } from "../session/session.ts";
import { ClientMirror } from "./clientMirror.ts";
import { compareTrees, IdMap, type TreeDifferenceKind } from "./compareTrees.ts";
import { ControlNamer } from "./describeControl.ts";
import { formatTree } from "./formatTree.ts";
import { HeadlessSession, type InvokeAnswer } from "./headlessSession.ts";
import { RecordingError } from "./recordingError.ts";
import { readRecording, type Recording } from "./recordingFormat.ts";

/** What `replay(recording, options)` replays against, and how far. */
export interface ReplayOptions {
  /**
   * The app to replay against: its `main`, its module (`import * as app from …`), or a path to
   * it. Default: the app the recording's header names, relative to the recording's directory.
   */
  app?: AppMain | { default: unknown } | string | URL;
  /** Replay every step even after one differs (default: stop at the first step that differs). */
  keepGoing?: boolean;
  /**
   * How long to wait for the app to settle after each step. A step that takes longer (a task
   * that never ends, a clock) is compared as it stands then, and a note says so. Default 5000.
   */
  settleTimeoutMs?: number;
  /** Differences for which this returns true are dropped (say, a clock's text). */
  ignore?: (difference: Difference) => boolean;
  /** Session limits for the replayed session. */
  session?: Partial<SessionOptions>;
}

/** One way the app did not behave as recorded. `String(difference)` is its `message`. */
export interface Difference {
  /** The step, counted from 1 (step 1 opens the page). */
  step: number;
  /** What the browser did at that step, in words: `click on Button#inc "+"`. */
  event: string;
  /** The recording's line holding that step's message. */
  line: number;
  /** What differs: a prop, the handled events, a missing or extra control, a message… */
  kind: TreeDifferenceKind | "message" | "target" | "connection";
  /** The control involved, named as in the recording. */
  control: string;
  /** What the recording had. */
  expected: string;
  /** What the replayed app did. */
  actual: string;
  /** The whole line: `step 4 (click on Button#inc "+"): expected Text#count value "2", got "3"`. */
  message: string;
}

/** How a replay went: `ok`, and every step that differed from the recording. */
export interface ReplayResult {
  /** True when the app behaved as recorded at every step. */
  ok: boolean;
  /** Each way the app differed from the recording, in step order (only the first unless `keepGoing`). */
  differences: Difference[];
  /** The replayed app's tree where the replay ended, as `HeadlessSession.tree()` writes it. */
  tree: string;
  /** The recorded tree at the same point. */
  expectedTree: string;
  /** Steps replayed, and steps in the recording. */
  steps: number;
  /** Steps in the recording. */
  totalSteps: number;
  /** Things worth knowing that are not differences (a step that did not settle in time). */
  notes: string[];
  /** The recording replayed. */
  recording: Recording;
  /** Wall time of the replay, in milliseconds. */
  ms: number;
  /** A readable summary: one line when all is well, else every difference and note. */
  report(): string;
}

/** One thing the browser did, with what the server sent until the browser did the next thing. */
interface Step {
  number: number;
  line: number;
  t: number;
  kind: "open" | "resume" | "event" | "props" | "disconnect";
  message?: ClientMessage;
  outs: { message: ServerMessage; line: number }[];
}

interface RecordedInvoke {
  message: InvokeMessage;
  reply?: ReplyMessage;
  used: boolean;
}

/** Events whose `data` is a control id (the view the browser popped), translated like the target's. */
const EVENTS_WITH_ID_DATA = new Set(["viewPop"]);

/** The most differences one step reports; past it, one line says how many were left out. */
const MAX_STEP_DIFFERENCES = 40;

/**
 * Replays a recorded session against an app, headlessly, and says whether the app still
 * behaves as it did. Each client message of the recording is sent in turn (its control ids
 * translated to the replay's), the session is left to settle, and then the tree the recorded
 * messages built is compared with the one the app's messages build, along with the other
 * messages (invokes, errors, crashes). Ids, timestamps, session ids and invoke call ids may
 * differ; how the changes were split into patches may differ; what the user sees may not.
 *
 * Throws a `RecordingError` when the file cannot be replayed at all (truncated, another format
 * version, a recording of another app); resolves `{ ok: false, differences }` when it can but
 * the app behaves differently.
 */
export async function replay(file: string | URL | Recording, options: ReplayOptions = {}): Promise<ReplayResult> {
  const t0 = performance.now();
  const recording = isRecording(file) ? file : await readRecording(file);
  const app = await resolveApp(options.app, recording);
  const steps = toSteps(recording);
  const settleTimeoutMs = options.settleTimeoutMs ?? 5000;

  // What the browser answered to each `invoke`, handed back in the order the app asks again.
  const invokes: RecordedInvoke[] = [];
  const replies = new Map<number, ReplyMessage>();
  for (const entry of recording.entries) {
    if ("in" in entry && entry.in.type === "reply") replies.set(entry.in.callId, entry.in);
    if ("out" in entry && entry.out.type === "invoke") invokes.push({ message: entry.out, used: false });
  }
  for (const invoke of invokes) invoke.reply = replies.get(invoke.message.callId);
  const onInvoke = (message: InvokeMessage): InvokeAnswer | undefined => {
    const recorded = invokes.find((r) => !r.used && r.message.method === message.method);
    if (!recorded) return undefined; // not in the recording: the headless stand-in answers
    recorded.used = true;
    if (!recorded.reply) return "never";
    return recorded.reply.error !== undefined ? { error: recorded.reply.error } : { result: recorded.reply.result ?? null };
  };

  // Recorded under `weft run` (exposeErrors off), errors say only where they failed and a
  // reference: replay the same way, and compare them without their (random) references.
  const withheld = recording.entries.some((e) => "out" in e && (e.out.type === "error" || e.out.type === "crashed") && e.out.ref !== undefined);
  const sessionOptions = withheld ? { exposeErrors: false, ...options.session } : options.session;

  const expected = new ClientMirror();
  const ids = new IdMap();
  const differences: Difference[] = [];
  const notes: string[] = [];
  let session: HeadlessSession | undefined;
  let stepsRun = 0;
  let previous = new Set<string>();

  try {
    for (const step of steps) {
      const event = describeStep(step, expected);
      const found: Finding[] = [];
      const from = session?.messages.length ?? 0;
      let work: Promise<unknown> | undefined;
      try {
        switch (step.kind) {
          case "open": {
            const register = step.message as RegisterMessage;
            session = new HeadlessSession(app.main, {
              route: register.client.route,
              clientInfo: register.client,
              onInvoke,
              ...(sessionOptions ? { options: sessionOptions } : {}),
            });
            break;
          }
          case "resume":
            if (session!.session.connected) session!.disconnect();
            work = session!.reconnect();
            break;
          case "disconnect":
            session!.disconnect();
            break;
          case "event":
          case "props": {
            const message = step.message as EventMessage | PropsMessage;
            const target = ids.toActual(message.id);
            if (target === undefined) {
              if (expected.nodes.has(message.id)) {
                const names = new ControlNamer(expected);
                found.push({
                  kind: "target",
                  control: names.path(message.id),
                  expected: names.pathWithText(message.id),
                  actual: "nothing",
                  message: `expected ${names.pathWithText(message.id)} on the page, the app has no such control`,
                });
              }
              // else the browser aimed at a control already gone (a race the server ignored)
            } else {
              if (message.type === "props") {
                applyProps(expected, message.id, message.props);
                applyProps(session!.mirror, target, message.props);
              }
              const sent = { ...message, id: target };
              if (sent.type === "event" && EVENTS_WITH_ID_DATA.has(sent.name) && typeof sent.data === "number") {
                sent.data = ids.toActual(sent.data) ?? sent.data;
              }
              session!.send(sent);
            }
            break;
          }
          default: {
            const unreachable: never = step.kind;
            throw new Error(`weft replay: unknown step ${String(unreachable)}`);
          }
        }
      } catch (err) {
        if (!(err instanceof Error) || !/closed by the server/.test(err.message)) throw err;
        found.push({ kind: "connection", control: "", expected: "an open connection", actual: "closed", message: "the server closed the connection" });
      }
      const s = session!;
      if (!(await settleWithin(work ?? s.session.idle(), settleTimeoutMs))) {
        notes.push(`step ${step.number} (${event}): the app was still busy after ${settleTimeoutMs} ms; compared what it had sent by then`);
      }

      for (const out of step.outs) {
        try {
          expected.apply(out.message);
        } catch (err) {
          throw new RecordingError(
            "NOT_REPLAYABLE",
            `${recording.source}, line ${out.line}: this patch does not fit the tree the lines before it built (${(err as Error).message})`,
          );
        }
      }

      if (step.kind === "open") checkSameApp(recording, expected, s.mirror, app.name);
      for (const d of compareTrees(expected, s.mirror, ids)) found.push({ ...d, message: d.text });
      const actualOuts = s.messages.slice(from).filter((m) => m.direction === "out").map((m) => m.message as ServerMessage);
      found.push(...compareMessages(step.outs.map((o) => o.message), actualOuts, expected, s, ids, recording.header.sessionId));

      // With keepGoing, a difference that persists from the step before is not news: say it once.
      const seen = new Set(found.map(fingerprint));
      const kept: Difference[] = [];
      for (const d of found) {
        if (previous.has(fingerprint(d))) continue;
        const difference = makeDifference({ ...d, step: step.number, event, line: step.line });
        if (!options.ignore?.(difference)) kept.push(difference);
      }
      previous = seen;
      if (kept.length > MAX_STEP_DIFFERENCES) {
        const left = kept.length - MAX_STEP_DIFFERENCES;
        kept.length = MAX_STEP_DIFFERENCES;
        kept.push(
          makeDifference({ step: step.number, event, line: step.line, kind: "message", control: "", expected: "", actual: "", message: `… and ${left} more differences` }),
        );
      }
      differences.push(...kept);
      stepsRun++;
      if (kept.length > 0 && !options.keepGoing) break;
    }
    const tree = session!.tree();
    const expectedTree = expected.root === null ? "" : formatTree(expected);
    const ms = performance.now() - t0;
    return {
      ok: differences.length === 0,
      differences,
      tree,
      expectedTree,
      steps: stepsRun,
      totalSteps: steps.length,
      notes,
      recording,
      ms,
      report: () => report(recording, differences, notes, stepsRun, steps.length, ms),
    };
  } finally {
    try {
      session?.close();
    } catch {
      // a session that never registered has nothing to close
    }
  }
}

function isRecording(file: unknown): file is Recording {
  return typeof file === "object" && file !== null && !(file instanceof URL) && "header" in file && "entries" in file;
}

/** The app to run, and a name for it in messages. */
async function resolveApp(app: ReplayOptions["app"], recording: Recording): Promise<{ main: AppMain; name: string }> {
  if (typeof app === "function") return { main: app as AppMain, name: app.name && app.name !== "main" ? app.name : "the app" };
  if (typeof app === "object" && !(app instanceof URL)) {
    if (typeof app.default !== "function") throw new RecordingError("NO_APP", "the app module given to replay() has no default export `main(page)`");
    return { main: app.default as AppMain, name: "the app" };
  }
  let path: string;
  if (app === undefined) {
    if (!existsSync(recording.source)) {
      throw new RecordingError("NO_APP", `${recording.source} was not read from a file, so its app cannot be found next to it: pass { app }`);
    }
    path = resolve(dirname(recording.source), recording.header.app);
    if (!existsSync(path)) {
      throw new RecordingError(
        "NO_APP",
        `${recording.source} names its app "${recording.header.app}" (relative to the recording), but there is no ${path}. ` +
          `Pass the app to replay against (--app <app.ts>, or { app } in replay()).`,
      );
    }
  } else {
    path = app instanceof URL ? fileURLToPath(app) : resolve(app);
    if (!existsSync(path)) throw new RecordingError("NO_APP", `no app at ${path}`);
  }
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  if (typeof mod.default !== "function") {
    throw new RecordingError("NO_APP", `${path} has no default export: an app exports \`default function main(page: Page)\``);
  }
  return { main: mod.default as AppMain, name: basename(path) };
}

/** Cuts the recording into steps: each client message starts one, except replies (see `onInvoke`). */
function toSteps(recording: Recording): Step[] {
  const steps: Step[] = [];
  const at = (line: number) => `${recording.source}, line ${line}`;
  for (const entry of recording.entries) {
    if ("in" in entry) {
      const message = entry.in;
      if (message.type === "reply" || message.type === "timing") continue; // timings: devtools' measurements, not the user's
      if (steps.length === 0 && message.type !== "register") {
        throw new RecordingError("NOT_REPLAYABLE", `${at(entry.line)}: a session starts with "register", this line sends "${message.type}"`);
      }
      const kind = message.type === "register" ? (steps.length === 0 ? "open" : "resume") : message.type;
      steps.push({ number: steps.length + 1, line: entry.line, t: entry.t, kind, message, outs: [] });
    } else if ("out" in entry) {
      const step = steps[steps.length - 1];
      if (!step) throw new RecordingError("NOT_REPLAYABLE", `${at(entry.line)}: the server speaks before the browser registered`);
      step.outs.push({ message: entry.out, line: entry.line });
    } else if (entry.event === "disconnect" && steps.length > 0) {
      steps.push({ number: steps.length + 1, line: entry.line, t: entry.t, kind: "disconnect", outs: [] });
    }
  }
  if (steps.length === 0) throw new RecordingError("NOT_REPLAYABLE", `${recording.source} holds no messages: the browser never registered`);
  return steps;
}

/** What the browser did, in words, named from the tree as it was just before. */
function describeStep(step: Step, tree: ClientMirror): string {
  const message = step.message;
  switch (step.kind) {
    case "open":
      return `open ${(message as RegisterMessage).client.route}`;
    case "resume":
      return "reconnect";
    case "disconnect":
      return "disconnect";
    case "event": {
      const { id, name, data } = message as EventMessage;
      const names = new ControlNamer(tree);
      const node = tree.nodes.get(id);
      // Data the control already shows (a field's text on submit) would only repeat it.
      const said = data === undefined || data === null || name === "click" || (node && data === node.p.value);
      const shownData = said ? "" : ` with ${JSON.stringify(data)}`;
      return `${name} on ${names.pathWithText(id)}${shownData}`;
    }
    case "props": {
      const { id, props } = message as PropsMessage;
      const names = new ControlNamer(tree);
      const path = names.path(id);
      const entries = Object.entries(props);
      // The browser's back/forward buttons: the new route, then a routeChange event.
      if (tree.nodes.get(id)?.t === "Page" && entries.length === 1 && entries[0]![0] === "route") {
        return `browser at ${JSON.stringify(entries[0]![1])}`;
      }
      if (entries.length === 1 && entries[0]![0] === "value") {
        const value = entries[0]![1];
        const type = tree.nodes.get(id)?.t;
        if (typeof value === "boolean") return `${value ? "check" : "uncheck"} ${names.pathWithText(id)}`;
        if (type === "Dropdown") return `select ${JSON.stringify(value)} in ${path}`;
        return `type ${JSON.stringify(value)} into ${path}`;
      }
      return `set ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ")} on ${path}`;
    }
    default: {
      const unreachable: never = step.kind;
      return String(unreachable);
    }
  }
}

/** What the browser does with its own changes before telling the server: shows them. */
function applyProps(mirror: ClientMirror, id: ControlId, props: Record<string, PropValue>): void {
  const node = mirror.nodes.get(id);
  if (!node) return;
  for (const [name, value] of Object.entries(props)) {
    if (value === null) delete node.p[name];
    else node.p[name] = value;
  }
}

async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's message with its log reference (random per run) replaced by a placeholder. */
function withoutRef(m: { message: string; ref?: string }): string {
  return m.ref ? m.message.split(m.ref).join("<ref>") : m.message;
}

/**
 * Compares the messages that are not tree changes (invokes, errors, crashes), as words: ids
 * become control names and session ids a placeholder, so only what matters can differ.
 */
function compareMessages(
  expectedOuts: ServerMessage[],
  actualOuts: ServerMessage[],
  expected: ClientMirror,
  s: HeadlessSession,
  ids: IdMap,
  recordedSessionId: string,
): Finding[] {
  const expectedNames = new ControlNamer(expected);
  const actualNames = new ControlNamer(s.mirror);
  const replaySessionId = s.session.id;
  const nameExpected = (id: ControlId) => expectedNames.path(id);
  const nameActual = (id: ControlId) => {
    const recorded = ids.toExpected(id);
    return recorded !== undefined && expected.nodes.has(recorded) ? expectedNames.path(recorded) : actualNames.path(id);
  };
  const words = (m: ServerMessage, name: (id: ControlId) => string, sessionId: string): string | null => {
    const clean = (text: string) => text.split(sessionId).join("<session>").replace(/#(\d+)/g, (_, id: string) => name(Number(id)));
    switch (m.type) {
      case "registered":
      case "patch":
        return null; // compared as the tree they build
      case "invoke":
        if (m.method.startsWith("devtools.")) return null; // the inspector's picker, not the app
        return `invoke ${m.method}(${m.args.map((a) => JSON.stringify(a)).join(", ")})${m.id !== undefined ? ` on ${name(m.id)}` : ""}`;
      case "error":
        return `error ${m.code} "${clean(withoutRef(m))}"${m.id !== undefined ? ` on ${name(m.id)}` : ""}`;
      case "crashed":
        return `crash "${clean(withoutRef(m))}"`;
      default: {
        const unreachable: never = m;
        return String(unreachable);
      }
    }
  };
  const want = expectedOuts.map((m) => words(m, nameExpected, recordedSessionId)).filter((w): w is string => w !== null);
  const got = actualOuts.map((m) => words(m, nameActual, replaySessionId)).filter((w): w is string => w !== null);
  const kindOf = (w: string) => w.slice(0, w.indexOf(" "));
  const out: Finding[] = [];
  for (const w of want) {
    const at = got.indexOf(w);
    if (at >= 0) got.splice(at, 1);
    else out.push({ kind: "message", control: "", expected: w, actual: "nothing", message: `expected ${w}, got no ${kindOf(w)}` });
  }
  for (const g of got) {
    out.push({ kind: "message", control: "", expected: "nothing", actual: g, message: `expected no ${kindOf(g)}, got ${g}` });
  }
  return out;
}

/** Refuses a recording whose first page has nothing in common with the app's: another app. */
function checkSameApp(recording: Recording, expected: ClientMirror, actual: ClientMirror, appName: string): void {
  if (expected.root === null || actual.root === null) return; // a crash is a difference, not another app
  const keys = (mirror: ClientMirror) =>
    new Set([...mirror.nodes.values()].map((n) => n.p.key).filter((k): k is string => typeof k === "string"));
  const title = (mirror: ClientMirror) => mirror.get(mirror.root!).p.title;
  const recordedKeys = keys(expected);
  const recordedTitle = title(expected);
  if (recordedKeys.size === 0 && recordedTitle === undefined) return; // nothing to tell them apart by
  if (recordedTitle !== undefined && recordedTitle === title(actual)) return;
  const actualKeys = keys(actual);
  for (const key of recordedKeys) if (actualKeys.has(key)) return;
  const shown = (t: PropValue | undefined, k: Set<string>) =>
    [t !== undefined ? `title ${JSON.stringify(t)}` : "no title", k.size ? `keys ${[...k].slice(0, 6).join(", ")}${k.size > 6 ? ", …" : ""}` : "no keys"].join(" and ");
  throw new RecordingError(
    "OTHER_APP",
    `${recording.source} is a recording of another app: it was recorded from ${recordedAppPath(recording)}, whose first page has ` +
      `${shown(recordedTitle, recordedKeys)}; ${appName} shows ${shown(title(actual), actualKeys)}. ` +
      `Replay it against the app it was recorded from, or record the session again.`,
  );
}

/** A difference before it is placed at its step; `message` says only what differs. */
type Finding = Omit<Difference, "step" | "event" | "line">;

const fingerprint = (d: Finding) => `${d.kind}\u0000${d.control}\u0000${d.message}`;

/** The header's app as a path from the working directory (the header holds it relative to the recording). */
function recordedAppPath(recording: Recording): string {
  if (!existsSync(recording.source)) return recording.header.app;
  return relative(process.cwd(), resolve(dirname(recording.source), recording.header.app)) || ".";
}

function makeDifference(fields: Difference): Difference {
  const difference: Difference = { ...fields, message: `step ${fields.step} (${fields.event}): ${fields.message}` };
  Object.defineProperty(difference, "toString", { value: () => difference.message, enumerable: false });
  return difference;
}

function report(recording: Recording, differences: Difference[], notes: string[], steps: number, total: number, ms: number): string {
  const name = basename(recording.source);
  const lines: string[] = [];
  if (differences.length === 0) {
    lines.push(`${name}: ${steps} step${steps === 1 ? "" : "s"} replayed as recorded (${Math.round(ms)} ms)`);
  } else {
    lines.push(`${name}: the app does not behave as recorded (${steps} of ${total} steps replayed, ${Math.round(ms)} ms)`);
    for (const d of differences) lines.push(`  ${d.message}`);
    if (steps < total) lines.push(`  (stopped at the first step that differs; keepGoing / --keep-going replays them all)`);
  }
  for (const note of notes) lines.push(`  note: ${note}`);
  return lines.join("\n");
}

