import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (ns) of every thread of `root` and of the processes under it, from Linux's
 * /proc/<pid>/task/<tid>/schedstat (time on a CPU, not wall time): what a cold load costs the
 * machine, which contention from other work on a shared machine does not stretch, unlike the
 * load's wall time. Two readings' difference (cpuSince) is the work done between them.
 */
export function readTreeCpu(root: number = process.pid): Map<string, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 64; at = parents.get(at), hops++) if (at === root) return true;
    return false;
  };
  const times = new Map<string, number>();
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    let renderer: boolean;
    try {
      // A tab's main thread: the first thread of a Chromium renderer process, marked "main".
      renderer = readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer");
    } catch {
      continue; // ended meanwhile
    }
    for (const [tid, ns] of threadCpuNs(pid)) times.set(`${pid}/${tid}${renderer && tid === String(pid) ? "/main" : ""}`, ns);
  }
  return times;
}

/**
 * The time on a CPU of each thread of `pid`, in ns, by thread id, from
 * /proc/<pid>/task/<tid>/schedstat: zlib and the rest of libuv's thread pool count too, and
 * /proc/<pid>/stat's 10 ms ticks are too coarse for a round of a few thousand 50 µs events.
 * Empty when the process has ended.
 */
export function threadCpuNs(pid: number): Map<string, number> {
  const times = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return times;
  }
  for (const tid of tids) {
    try {
      times.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return times;
}

/** ms of CPU the tree used since `before` (threads that started since count from zero). */
export function cpuSince(before: Map<string, number>, after: Map<string, number> = readTreeCpu()): { all: number; own: number; tabMain: number } {
  let all = 0;
  let own = 0;
  let tabMain = 0;
  for (const [key, ns] of after) {
    const used = ns - (before.get(key) ?? 0);
    all += used;
    if (key.startsWith(`${process.pid}/`)) own += used;
    if (key.endsWith("/main")) tabMain += used;
  }
  return { all: all / 1e6, own: own / 1e6, tabMain: tabMain / 1e6 };
}

/**
 * Resolves once the processes under this one (the browser) have been idle for a moment: under
 * `idleMs` of CPU in each of two `windowMs` windows in a row, or after `maxMs`. A cold load
 * timed from there starts, as a user's navigation does, in a browser that is not busy with its
 * own start: each new context of this Chromium is a window that builds its address bar's popup
 * (a WebUI page of ~100 module scripts, 250–300 ms of CPU) right after it opens.
 */
export async function browserSettled({ windowMs = 50, idleMs = 2, maxMs = 5000 } = {}): Promise<{ waited: number; settled: boolean }> {
  const started = performance.now();
  let quiet = 0;
  let before = readTreeCpu();
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = readTreeCpu();
    const used = cpuSince(before, now);
    before = now;
    quiet = used.all - used.own < idleMs ? quiet + 1 : 0;
    if (quiet >= 2) return { waited: performance.now() - started, settled: true };
  }
  return { waited: performance.now() - started, settled: false };
}
