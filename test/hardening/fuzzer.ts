import { WebSocket } from "ws";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { rawRequest, type RawAnswer } from "./rawHttp.ts";
import { openWire, type WireClient } from "./wireClient.ts";

/**
 * The protocol fuzzer: thousands of malformed, oversized, deep, binary and flooding inputs sent
 * to a running `weft dev` (its app port and its inspector port) over real sockets, while a few
 * well-behaved tabs click a counter and a tool watches every session through the channel. What
 * must hold, whatever arrives: every input gets an answer (a status, a close code, an error
 * frame) and never an internal error (500, 1011); the well-behaved tabs lose no click; the tool
 * stays connected; the process lives (the caller checks that).
 *
 * Seeded (mulberry32), so a failing run can be repeated: `WEFT_FUZZ_SEED=… WEFT_FUZZ_CASES=…`.
 */
export interface FuzzOptions {
  appUrl: string;
  inspector: { port: number; token: string };
  cases: number;
  seed?: number;
  /** Cases in flight at once. Default 32. */
  concurrency?: number;
  /** Well-behaved tabs clicking all along. Default 3. */
  tabs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  /** How many cases of each kind ran. */
  kinds: Record<string, number>;
  /** What the servers answered, by kind of answer (`close 4000`, `http 400`, `error BAD_PROP`…). */
  outcomes: Record<string, number>;
  /** Inputs that broke a rule; empty when all is well. */
  problems: string[];
  /** The well-behaved tabs: clicks sent, clicks whose patch never came. */
  flow: { tabs: number; clicks: number; lost: number };
  ms: number;
}

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (max: number) => Math.floor(random() * max);
  const t0 = performance.now();
  const appPort = Number(new URL(options.appUrl).port);
  const { port: inspectorPort, token } = options.inspector;
  const kinds: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const problems: string[] = [];
  const note = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  const problem = (text: string) => {
    if (problems.length < 50) problems.push(text);
  };

  // ------------------------------------------------------------------ values

  const strings = ["", "x", "/", "%", "%E0%A4%A", "//", "__proto__", "constructor", "toString", "\u0000", "\ud800", "é😀", "<script>alert(1)</script>", "../../etc/passwd", "a".repeat(5000)];
  const numbers = [0, -0, 1, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324, 4294967296];
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 4 : 7)) {
      case 0:
        return pick(strings);
      case 1:
        return pick(numbers);
      case 2:
        return random() < 0.5;
      case 3:
        return null;
      case 4:
        return Array.from({ length: int(4) }, () => value(depth + 1));
      case 5: {
        const out: Record<string, unknown> = {};
        for (let i = int(4); i > 0; i--) out[pick(["a", "__proto__", "constructor", "value", "route", "id", "type"])] = value(depth + 1);
        return out;
      }
      default:
        return pick(strings) + String(int(1e6));
    }
  };
  const deep = (levels: number, open = "[", close = "]") => open.repeat(levels) + close.repeat(levels);

  // ------------------------------------------------------------------ app protocol frames

  const register = () => ({
    type: "register",
    protocol: PROTOCOL_VERSION,
    client: { route: "/", userAgent: "fuzz", platform: "linux", width: 800, height: 600, brightness: "light" },
  });
  const templates = (ids: number[]): Record<string, unknown>[] => [
    register(),
    { type: "event", id: pick(ids), name: pick(["click", "change", "__proto__", "constructor", "toString", "hasOwnProperty", "x"]), data: value() },
    { type: "props", id: pick(ids), props: { [pick(["value", "__proto__", "constructor", "text", "open"])]: value() } },
    { type: "reply", callId: int(5), result: value(), error: random() < 0.5 ? undefined : value() },
    { type: "timing", seq: int(10), ms: pick(numbers) },
    { type: pick(["dance", "", "REGISTER", "patch", "registered"]) },
  ];
  /** A valid message with one field replaced, removed or added. */
  const mutate = (message: Record<string, unknown>): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    const target = copy.client && random() < 0.5 ? (copy.client as Record<string, unknown>) : copy;
    const keys = Object.keys(target);
    const key = random() < 0.8 && keys.length > 0 ? pick(keys) : pick(["extra", "__proto__", "sessionId", "seq"]);
    if (random() < 0.2) delete target[key];
    else target[key] = value();
    return copy;
  };

  /** One connection to /ws: optionally registered, then the frames; resolves with how it ended. */
  const wsCase = (frames: (ids: number[]) => (string | Buffer)[], registerFirst: boolean) => {
    let ids: number[] = [1];
    const errors: string[] = [];
    const sendAll = (ws: WebSocket, sent: () => void) => {
      for (const frame of frames(ids)) if (ws.readyState === ws.OPEN) ws.send(frame);
      sent();
    };
    return exchange(`ws://127.0.0.1:${appPort}/ws`, "", {
      quiet: () => (errors.length ? `error ${errors[0]}` : "quiet"),
      onOpen: (ws, sent) => (registerFirst ? ws.send(JSON.stringify(register())) : sendAll(ws, sent)),
      onMessage: (data, ws, sent) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(String(data)) as ServerMessage;
        } catch {
          return problem(`the server sent a frame that is not JSON: ${String(data).slice(0, 80)}`);
        }
        if (message.type === "registered" && registerFirst) {
          ids = collectIds(message.page);
          sendAll(ws, sent);
        } else if (message.type === "error") {
          errors.push(message.code);
        }
      },
    });
  };

  // ------------------------------------------------------------------ raw HTTP

  const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH", "FOO", "G ET", ""];
  const paths = ["/", "/%", "//", "///x", "/_weft/%E0%A4%A", "/%00", "*", "http://evil.example/", "/..%2f..%2fpackage.json", "/_weft/../../package.json", "/channel", "/ws", "/__weft/dev", "/a?%zz", "/" + "a".repeat(9000), "/%ff%fe", "/\u00e9", "/index.html", "/assets/x.js", "?x", "@", "/;"];
  const hosts = ["127.0.0.1", "localhost", "[::1]", "evil.example", "", "127.0.0.1:1", "a".repeat(300), "[::1", "evil.example:80@127.0.0.1", "0.0.0.0"];
  const httpRequest = (port: number): string => {
    switch (int(5)) {
      case 0: {
        // A request line of garbage bytes, with at least one that is not blank: empty lines before
        // a request line are allowed (RFC 9112 §2.2), so blank lines alone are an idle client,
        // which the server's headers timeout ends, not a request to answer (seed 1038365315 sent "\n").
        const garbage = Array.from({ length: 1 + int(60) }, () => String.fromCharCode(int(256))).join("");
        return (/[^\r\n\t ]/.test(garbage) ? garbage : `${garbage}?`) + "\r\n\r\n";
      }
      case 1: // a bad path
        return `GET ${pick(paths)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
      case 2: // odd headers
        return `GET / HTTP/1.1\r\nHost: ${pick(hosts)}\r\n${pick(["Origin: https://evil.example", "Origin: null", "X: " + "y".repeat(20_000), "Transfer-Encoding: chunked", "Content-Length: -1", "Host: twice", "Accept: text/html"])}\r\nConnection: close\r\n\r\n`;
      case 3: // a method
        return `${pick(methods)} / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
      default: // an upgrade gone wrong
        return (
          `GET ${pick(["/ws", "/channel", `/channel?token=${token}`, "/__weft/dev", "//", "/%", "/nowhere"])} HTTP/1.1\r\nHost: ${pick([`127.0.0.1:${port}`, ...hosts])}\r\n` +
          `Connection: Upgrade\r\nUpgrade: ${pick(["websocket", "h2c", ""])}\r\nSec-WebSocket-Version: ${pick(["13", "8", "x"])}\r\n` +
          `Sec-WebSocket-Key: ${pick(["dGhlIHNhbXBsZSBub25jZQ==", "", "short"])}\r\n${random() < 0.3 ? "Origin: https://evil.example\r\n" : ""}\r\n`
        );
    }
  };
  const httpCase = async (port: number, bytes: string): Promise<string> => {
    const answer: RawAnswer = await rawRequest(port, Buffer.from(bytes, "latin1"), 3000);
    if (answer.status === null && !answer.closed) {
      problem(`no answer within 3 s and the socket left open (port ${port}): ${JSON.stringify(bytes.slice(0, 120))}`);
      return "hung";
    }
    if (answer.status !== null && answer.status >= 500) problem(`HTTP ${answer.status} for ${JSON.stringify(bytes.slice(0, 120))}: ${answer.text.slice(0, 200)}`);
    return answer.status === null ? "http closed" : `http ${answer.status}`;
  };

  // ------------------------------------------------------------------ the channel

  const toolTypes = ["watch", "unwatch", "get-props", "get-message", "get-stats", "get-source", "get-controls-at", "get-history", "get-rows", "get-chains", "get-dead-sessions", "get-postmortem", "highlight", "pick", "nonsense"];
  const channelCase = () =>
    exchange(`ws://127.0.0.1:${inspectorPort}/channel?token=${token}`, "channel ", {
      quiet: () => "channel quiet",
      onOpen: (ws, sent) => {
        const frames: (string | Buffer)[] = [];
        if (random() < 0.8) frames.push(JSON.stringify([{ type: "hello", version: random() < 0.9 ? 1 : value(), client: value() }]));
        switch (int(5)) {
          case 0:
            frames.push(pick(["not json", "{}", "[1]", "[{}]", '[{"type":7}]', "[]"]));
            break;
          case 1:
            frames.push(`[{"type":"watch","sessionId":${deep(5000)}}]`);
            break;
          case 2:
            frames.push(Buffer.from([0, 1, 2, 3]));
            break;
          default:
            frames.push(
              JSON.stringify(
                Array.from({ length: 1 + int(5) }, () => {
                  const message: Record<string, unknown> = { type: pick(toolTypes), requestId: random() < 0.8 ? int(100) : value() };
                  for (const field of ["sessionId", "id", "seq", "file", "line", "event", "tree", "messages", "on"]) if (random() < 0.5) message[field] = value();
                  return message;
                }),
              ),
            );
        }
        for (const frame of frames) ws.send(frame);
        sent();
      },
    });

  // ------------------------------------------------------------------ the cases

  const nextCase = (): { kind: string; run: () => Promise<string> } => {
    const roll = random();
    if (roll < 0.3) {
      return { kind: "ws field", run: () => wsCase((ids) => [JSON.stringify(mutate(pick(templates(ids))))], random() < 0.8) };
    }
    if (roll < 0.4) {
      return {
        kind: "ws frame",
        run: () =>
          wsCase(
            () => [pick(["", "not json", "[]", "null", "42", '"text"', "{", '{"type":', JSON.stringify(register()), `{"type":"event","id":1,"name":"click","data":${deep(2000)}}`, `{"type":"register","protocol":1,"client":{"route":"/","x":${deep(20_000, "{\"a\":", "}")}}}`])],
            random() < 0.5,
          ),
      };
    }
    if (roll < 0.45) return { kind: "ws binary", run: () => wsCase(() => [Buffer.from(Array.from({ length: int(64) }, () => int(256)))], random() < 0.5) };
    if (roll < 0.47) return { kind: "ws too big", run: () => wsCase(() => ["x".repeat(1024 * 1024 + 16)], true) };
    if (roll < 0.52) {
      return {
        kind: "ws flood",
        run: () => wsCase((ids) => Array.from({ length: 300 }, () => JSON.stringify(random() < 0.7 ? { type: "event", id: pick(ids), name: "click" } : mutate(pick(templates(ids))))), true),
      };
    }
    if (roll < 0.75) return { kind: "http app", run: () => httpCase(appPort, httpRequest(appPort)) };
    if (roll < 0.9) return { kind: "http inspector", run: () => httpCase(inspectorPort, httpRequest(inspectorPort)) };
    return { kind: "channel", run: channelCase };
  };

  // ------------------------------------------------------------------ meanwhile

  const tool = watchEverything(inspectorPort, token);
  const flow = startWellBehavedTabs(options.appUrl, options.tabs ?? 3);

  let done = 0;
  let started = 0;
  const worker = async () => {
    while (started < options.cases) {
      started++;
      const fuzzCase = nextCase();
      kinds[fuzzCase.kind] = (kinds[fuzzCase.kind] ?? 0) + 1;
      const outcome = await fuzzCase.run();
      if (/close 1011|close 1006|error INTERNAL/.test(outcome)) problem(`${fuzzCase.kind}: ${outcome}`);
      note(outcome.replace(/^(http \d)\d\d$/, "$1xx").replace(/^error .*/, (e) => e));
      done++;
      if (done % 500 === 0) options.onProgress?.(done, options.cases);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 32 }, worker));

  const tabs = await flow.stop();
  for (const lost of tabs.lostDetails) problem(lost);
  if (!tool.open()) problem(`the watching tool's channel closed (${tool.closeInfo()})`);
  if (tool.sessionsSeen() === 0) problem("the watching tool never heard of a session");
  tool.close();
  return { seed, cases: options.cases, kinds, outcomes, problems, flow: { tabs: tabs.tabs, clicks: tabs.clicks, lost: tabs.lost }, ms: performance.now() - t0 };
}

/**
 * One socket of a case: `onOpen` sends (and calls `sent`); the case ends with the server's close
 * (`close <code>`), 100 ms after the last send with nothing more (`quiet()`), or after 3 s.
 */
function exchange(
  url: string,
  prefix: string,
  script: {
    quiet(): string;
    onOpen(ws: WebSocket, sent: () => void): void;
    onMessage?(data: WebSocket.RawData, ws: WebSocket, sent: () => void): void;
  },
): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let quiet: ReturnType<typeof setTimeout> | null = null;
    const finish = (outcome: string) => {
      if (quiet) clearTimeout(quiet);
      clearTimeout(deadline);
      ws.removeAllListeners();
      ws.on("error", () => {});
      ws.terminate();
      resolve(outcome);
    };
    const deadline = setTimeout(() => finish(script.quiet()), 3000);
    const sent = () => {
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(() => finish(script.quiet()), 100);
    };
    ws.on("error", () => {});
    ws.on("close", (code) => finish(`${prefix}close ${code}`));
    ws.on("open", () => script.onOpen(ws, sent));
    if (script.onMessage) ws.on("message", (data) => script.onMessage!(data, ws, sent));
  });
}

function collectIds(node: { i: number; c?: Record<string, { i: number }[]> }): number[] {
  const ids = [node.i];
  for (const slot of Object.values(node.c ?? {})) for (const child of slot) ids.push(...collectIds(child as typeof node));
  return ids;
}

/** A tool on the channel that watches every session with its messages: the agent's path stays busy. */
function watchEverything(port: number, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/channel?token=${token}`);
  let closed: string | null = null;
  let seen = 0;
  ws.on("error", () => {});
  ws.on("close", (code, reason) => (closed = `${code} ${reason}`));
  ws.on("open", () => ws.send(JSON.stringify([{ type: "hello", version: 1, client: "fuzz-watcher" }])));
  ws.on("message", (data) => {
    for (const message of JSON.parse(String(data)) as { type: string; session?: { id: string } }[]) {
      if (message.type === "session-open" && message.session) {
        seen++;
        ws.send(JSON.stringify([{ type: "watch", sessionId: message.session.id, tree: true, messages: true }]));
      }
    }
  });
  return {
    open: () => ws.readyState === WebSocket.OPEN,
    closeInfo: () => closed ?? "open",
    sessionsSeen: () => seen,
    close: () => ws.close(),
  };
}

/** Tabs that click "+" over and over, each click waiting for the count it must show. */
function startWellBehavedTabs(appUrl: string, count: number) {
  let stopping = false;
  let clicks = 0;
  let lost = 0;
  const lostDetails: string[] = [];
  const run = async (tab: WireClient) => {
    await tab.registered;
    let expected = 0;
    while (!stopping) {
      tab.click("inc");
      clicks++;
      expected++;
      const want = String(expected);
      try {
        await tab.waitFor((m) => m.type === "patch" && m.ops.some((op) => op.op === "set" && op.props?.value === want), 10_000);
      } catch {
        lost++;
        lostDetails.push(`a well-behaved tab's click ${expected} got no patch within 10 s`);
        return;
      }
      if (tab.text("count") !== want) {
        lost++;
        lostDetails.push(`a well-behaved tab shows ${tab.text("count")} after ${expected} clicks`);
        return;
      }
      tab.received.length = 0; // keep memory flat over a long run
    }
  };
  const tabs = Array.from({ length: count }, () => openWire(appUrl));
  const running = tabs.map(run);
  return {
    async stop() {
      stopping = true;
      await Promise.all(running);
      for (const tab of tabs) tab.close();
      return { tabs: count, clicks, lost, lostDetails };
    },
  };
}
