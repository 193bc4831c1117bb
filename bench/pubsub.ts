import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { PROTOCOL_VERSION, type ServerMessage, type WireNode } from "@weft/protocol";
import { redisMissing, startRedis } from "@weft/test/support/redisServer.ts";
import { fmt, summarize, table } from "./stats.ts";

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
    console.log(`  ${rate} msg/s: p99 across processes ${fmt(cross)} vs one process ${fmt(single)}: ${delta >= 0 ? "+" : ""}${fmt(delta)} (goal: within 5 ms) ${delta <= 5 ? "✓" : "✗"}`);
  }
  console.log("");
}

interface Member {
  ws: WebSocket;
  send: number;
  /** Set during a load run: called with the message's stamp when this member's Text shows one. */
  onMessage: ((stamp: number) => void) | null;
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
    const member: Member = { ws, send: 0, onMessage: null };
    ws.on("error", reject);
    ws.on("open", () => ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: `/room/${room}`, userAgent: "bench", width: 800, height: 600 } })));
    ws.on("message", (data) => {
      const text = String(data);
      if (text.startsWith('{"type":"registered"')) {
        member.send = findKey((JSON.parse(text) as ServerMessage & { page: WireNode }).page, "send")!.i;
        return resolve(member);
      }
      const stamp = /"value":"m(\d+)"/.exec(text);
      if (stamp) member.onMessage?.(Number(stamp[1]));
    });
  });
}

function findKey(node: WireNode, key: string): WireNode | undefined {
  if (node.p.key === key) return node;
  for (const slot of Object.values(node.c ?? {})) {
    for (const child of slot) {
      const found = findKey(child, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Sends `rate` messages a second for `seconds` from random members; resolves with each delivery's latency. */
async function sendLoad(rooms: Member[][], rate: number, seconds: number): Promise<number[]> {
  const sentAt: number[] = [];
  const samples: number[] = [];
  for (const room of rooms) for (const member of room) member.onMessage = (stamp) => samples.push(performance.now() - sentAt[stamp]!);
  const total = rate * seconds;
  const expected = total * (ROOM - 1);
  const t0 = performance.now();
  for (let sent = 0; sent < total; ) {
    // Catch up with the schedule in batches of whatever is due: timers are coarse at 1 ms.
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
    for (; sent < due; sent++) {
      const room = rooms[Math.floor(Math.random() * rooms.length)]!;
      const member = room[Math.floor(Math.random() * ROOM)]!;
      sentAt[sent] = performance.now();
      member.ws.send(JSON.stringify({ type: "event", id: member.send, name: "click", data: `m${sent}` }));
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
  const child = fork(fileURLToPath(new URL("./pubsubServer.ts", import.meta.url)), redisUrl ? [redisUrl] : [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
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

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a benchmark server exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as T);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
