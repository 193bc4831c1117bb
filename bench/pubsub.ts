import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { PROTOCOL_VERSION, type ServerMessage, type WireNode } from "@weft/protocol";
import { redisMissing, startRedis } from "@weft/test/support/redisServer.ts";
import { forkBenchServer, nextMessage } from "./benchChild.ts";
import { fmt, summarize, table } from "./stats.ts";
import { findKey } from "./wireTree.ts";

/**
 * Cross-process pubsub (issue 16): 300 sessions in rooms of three, one member of each room on each
 * of three `weft` processes joined by Redis, against the same 300 sessions in one process. A raw
 * `ws` client clicks "send" in a random session at 100 and at 1,000 messages a second; the
 * room's two other members get the message (`sendOthersOnTopic`) and their Text shows it. A
 * sample is click → the receiver's patch, as the clients see it. The goal: p99 across processes
 * within 5 ms of the single-process p99.
 */
const SESSIONS = Number(process.env.WEFT_BENCH_PUBSUB_SESSIONS ?? 300);
const SECONDS = Number(process.env.WEFT_BENCH_PUBSUB_SECONDS ?? 5);
const RATES = [100, 1000];
const ROOM = 3;

interface Setup {
  name: string;
  processes: number;
  redis: boolean;
}
const setups: Setup[] = [
  { name: "1 process (in memory)", processes: 1, redis: false },
  { name: "1 process, through Redis", processes: 1, redis: true },
  { name: "3 processes, through Redis", processes: 3, redis: true },
];

export async function run(): Promise<void> {
  console.log(`\n## Pubsub across processes: ${SESSIONS} sessions in rooms of ${ROOM} (issue 16)\n`);
  const missing = redisMissing();
  if (missing) {
    console.log(`  skipped: ${missing}\n`);
    return;
  }
  const redis = await startRedis();
  const rows = [["setup", "msg/s", "deliveries", "p50", "p95", "p99", "max", "server CPU / msg"]];
  const p99: Record<string, number> = {};
  let drained = "";
  try {
    for (const setup of setups) {
      const servers = await Promise.all(Array.from({ length: setup.processes }, () => startServer(setup.redis ? redis.url : undefined)));
      try {
        const rooms = await openRooms(servers.map((s) => s.url));
        for (const rate of RATES) {
          const cpu0 = await Promise.all(servers.map((s) => cpuOf(s.child)));
          const samples = await sendLoad(rooms, rate, SECONDS);
          const cpu1 = await Promise.all(servers.map((s) => cpuOf(s.child)));
          const cpuMs = cpu1.reduce((sum, c, i) => sum + c.user + c.system - cpu0[i]!.user - cpu0[i]!.system, 0) / 1000 / (rate * SECONDS);
          const s = summarize(samples);
          p99[`${setup.name}@${rate}`] = s.p99;
          rows.push([setup.name, String(rate), String(s.n), fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(Math.max(...samples)), fmt(cpuMs)]);
        }
        if (setup.processes > 1) drained = await drainOne(servers.shift()!, rooms.map((room) => room[0]!));
        for (const room of rooms) for (const member of room) member.ws.terminate();
      } finally {
        await Promise.all(servers.map((s) => stopServer(s.child)));
      }
    }
  } finally {
    await redis.dispose();
  }
  console.log(`Click → the other members' patch (loopback, ${SECONDS} s per rate, one redis-server, 2 cores shared by all):`);
  table(rows);
  for (const rate of RATES) {
    const single = p99[`${setups[0]!.name}@${rate}`]!;
    const cross = p99[`${setups[2]!.name}@${rate}`]!;
    const delta = cross - single;
    console.log(`  ${rate} msg/s: p99 across processes ${fmt(cross)} vs one process ${fmt(single)}: ${delta >= 0 ? "+" : "−"}${fmt(Math.abs(delta))} (goal: within 5 ms) ${delta <= 5 ? "✓" : "✗"}`);
  }
  if (drained) console.log(`  ${drained}`);
  console.log("");
}

/**
 * Drains a process as SIGTERM does (server.drain()), with its members still connected: how long
 * until every one of its tabs was told to reconnect (close 1001), and until the process exited.
 */
async function drainOne(server: Server, members: Member[]): Promise<string> {
  const t0 = performance.now();
  const toldAll = Promise.all(
    members.map(
      (m) =>
        new Promise<number>((resolve, reject) =>
          m.ws.once("close", (code) => (code === 1001 ? resolve(performance.now() - t0) : reject(new Error(`a draining process closed a tab with ${code}, not 1001`)))),
        ),
    ),
  );
  const exited = new Promise<number>((resolve) => server.child.once("exit", () => resolve(performance.now() - t0)));
  server.child.send("drain");
  const report = await nextMessage<{ sessions: number; tabs: number; ms: number; unfinished: number }>(server.child);
  const told = await toldAll;
  const exitMs = await exited;
  return `drain of one process: ${report.tabs} tabs told to reconnect (the last after ${fmt(Math.max(...told))}), ${report.sessions} sessions closed, drain() ${fmt(report.ms)}, exited after ${fmt(exitMs)}`;
}

interface Member {
  ws: WebSocket;
  send: number;
  /** Set during a load run: called with a message's stamp when this member's Text first shows it. */
  onMessage: ((stamp: number) => void) | null;
  /** The stamps this member's Text has shown. */
  seen: Set<number>;
}

/** Opens the sessions, room by room; member i of a room is on server i (of the servers given). */
async function openRooms(urls: string[]): Promise<Member[][]> {
  const rooms: Member[][] = [];
  for (let r = 0; r < SESSIONS / ROOM; r++) {
    rooms.push(await Promise.all(Array.from({ length: ROOM }, (_, i) => openMember(urls[i % urls.length]!, r))));
  }
  return rooms;
}

function openMember(url: string, room: number): Promise<Member> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}ws?session=bench-${room}-${Math.random().toString(36).slice(2)}`);
    const member: Member = { ws, send: 0, onMessage: null, seen: new Set() };
    ws.on("error", reject);
    ws.on("open", () => ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: `/room/${room}`, userAgent: "bench", width: 800, height: 600 } })));
    ws.on("message", (data) => {
      const text = String(data);
      if (text.startsWith('{"type":"registered"')) {
        member.send = findKey((JSON.parse(text) as ServerMessage & { page: WireNode }).page, "send")!.i;
        return resolve(member);
      }
      // The Text lists the room's latest messages, newest first; the ones not seen before arrived now.
      const value = /"value":"(m[^"]*)"/.exec(text);
      for (const word of value?.[1]!.split(" ") ?? []) {
        const stamp = Number(word.slice(1));
        if (member.seen.has(stamp)) continue;
        member.seen.add(stamp);
        member.onMessage?.(stamp);
      }
    });
  });
}

/** Stamps are unique across runs: a Text still lists the previous run's latest messages. */
let nextStamp = 0;
const sentAt: number[] = [];

/** Sends `rate` messages a second for `seconds` from random members; resolves with each delivery's latency. */
async function sendLoad(rooms: Member[][], rate: number, seconds: number): Promise<number[]> {
  const first = nextStamp;
  const samples: number[] = [];
  for (const room of rooms) for (const member of room) member.onMessage = (stamp) => stamp >= first && samples.push(performance.now() - sentAt[stamp]!);
  const total = rate * seconds;
  const expected = total * (ROOM - 1);
  const t0 = performance.now();
  for (let sent = 0; sent < total; ) {
    // Catch up with the schedule in batches of whatever is due: timers are coarse at 1 ms.
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
    for (; sent < due; sent++) {
      const room = rooms[Math.floor(Math.random() * rooms.length)]!;
      const member = room[Math.floor(Math.random() * ROOM)]!;
      const stamp = nextStamp++;
      sentAt[stamp] = performance.now();
      member.ws.send(JSON.stringify({ type: "event", id: member.send, name: "click", data: `m${stamp}` }));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const deadline = performance.now() + 10_000;
  while (samples.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  if (samples.length < expected) throw new Error(`${expected - samples.length} of ${expected} deliveries did not arrive`);
  for (const room of rooms) for (const member of room) member.onMessage = null;
  return samples.slice(Math.floor(samples.length * 0.05)); // without the warm-up
}

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(redisUrl: string | undefined): Promise<Server> {
  const child = forkBenchServer(new URL("./pubsubServer.ts", import.meta.url), redisUrl ? [redisUrl] : []);
  const ready = await nextMessage<{ url: string; state: string }>(child);
  if (redisUrl && ready.state !== "up") throw new Error(`a benchmark server did not reach Redis (${ready.state})`);
  return { url: ready.url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send("stop");
  await exited;
}

function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  child.send("cpu");
  return nextMessage<NodeJS.CpuUsage>(child);
}


if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
