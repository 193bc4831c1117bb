import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChangeQueue } from "../changeQueue.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(name: string, content = "x") {
  const dir = mkdtempSync(join(tmpdir(), "weft-queue-"));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition (these tests run next to others on a busy machine: no fixed sleeps where it matters). */
async function until(ok: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(2);
  }
}

describe("ChangeQueue", () => {
  it("turns a burst of changes into one batch", async () => {
    const [a, b] = [tempFile("a.ts"), tempFile("b.ts")];
    const batches: string[][] = [];
    const queue = new ChangeQueue({ quietMs: 5, maxWaitMs: 50, run: async (files) => void batches.push(files) });
    queue.add(a);
    queue.add(b);
    queue.add(a);
    await until(() => batches.length === 1);
    await queue.idle();
    queue.close();
    expect(batches).toEqual([[a, b]]);
  });

  it("runs one batch at a time: a change during a run makes the next batch", async () => {
    const a = tempFile("a.ts");
    const batches: string[][] = [];
    let release!: () => void;
    const queue = new ChangeQueue({
      quietMs: 1,
      maxWaitMs: 10,
      run: async (files) => {
        batches.push(files);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
      },
    });
    queue.add(a);
    await until(() => batches.length === 1);
    writeFileSync(a, "second");
    queue.add(a);
    await sleep(10);
    expect(batches).toHaveLength(1);
    release();
    await until(() => batches.length === 2);
    await queue.idle();
    queue.close();
    expect(batches).toHaveLength(2);
  });

  it("finds a write the watcher did not report (chokidar drops a second change within 50 ms)", async () => {
    const a = tempFile("a.ts", "one");
    const batches: string[][] = [];
    const queue = new ChangeQueue({ quietMs: 1, maxWaitMs: 10, recheckMs: 30, run: async (files) => void batches.push(files) });
    queue.add(a);
    await until(() => batches.length === 1);
    writeFileSync(a, "two, longer"); // no add(): the watcher swallowed it
    await until(() => batches.length === 2);
    await queue.idle();
    queue.close();
    expect(batches).toHaveLength(2);
  });

  it("does not run again for a write it already loaded", async () => {
    const a = tempFile("a.ts");
    const batches: string[][] = [];
    const queue = new ChangeQueue({ quietMs: 1, maxWaitMs: 10, run: async (files) => void batches.push(files) });
    queue.add(a);
    await until(() => batches.length === 1);
    queue.add(a); // the watcher reports the same write late
    await sleep(15);
    await queue.idle();
    queue.close();
    expect(batches).toHaveLength(1);
  });

  it("tells a batch that read a file mid-write that a newer write is coming, and runs it", async () => {
    const file = tempFile("app.ts", "");
    const seen: boolean[] = [];
    let queue!: ChangeQueue;
    queue = new ChangeQueue({
      quietMs: 1,
      maxWaitMs: 20,
      run: async (files) => {
        if (seen.length === 0) writeFileSync(file, "export default function main() {}"); // the write finishes after the read
        seen.push(queue.changedSinceLoad(files));
      },
    });
    queue.add(file);
    await until(() => seen.length === 2);
    await queue.idle();
    queue.close();
    expect(seen).toEqual([true, false]);
  });
});

describe("ChangeQueue: back-to-back saves (Flutter: multiple overlapping hot reloads are debounced and queued)", () => {
  it("runs each content once: a save written between a batch's start and its read is not run a second time", async () => {
    const file = tempFile("app.ts", "v1");
    const ran: string[] = [];
    let queue!: ChangeQueue;
    queue = new ChangeQueue({
      quietMs: 1,
      maxWaitMs: 20,
      recheckMs: 30,
      run: async (files) => {
        // The second save lands after the batch started and before the module runner reads the
        // file; its watcher event arrives while the batch runs.
        if (ran.length === 0) {
          writeFileSync(file, "v2, the second save");
          setTimeout(() => queue.add(file), 0);
        }
        await sleep(5);
        const code = readFileSync(files[0]!, "utf8");
        (queue as { noteLoaded?: (f: string, c: string) => void }).noteLoaded?.(file, code); // what the module runner read (as the devserver tells it)
        ran.push(code);
      },
    });
    queue.add(file);
    await until(() => ran.length >= 1);
    await sleep(60); // past the recheck
    await queue.idle();
    queue.close();
    expect(ran).toEqual(["v2, the second save"]);
  });
});
