import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSession, type HeadlessSession } from "weft/testing";
import type { SwapReport } from "weft/swap";
import { startDevServer, type DevEvent, type DevServer } from "../devServer.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** `weft dev` in this process on an app written from sources, with headless tabs: the transform, the module runner and the engine, for real. */
export interface SwapApp {
  readonly dev: DevServer;
  readonly dir: string;
  /** The first tab, opened once the app loaded. */
  readonly tab: HeadlessSession;
  /** Writes files (relative to the app's folder) and waits for what the save led to. */
  save(files: Record<string, string>): Promise<DevEvent>;
  /** Like `save`, and fails unless the save was swapped (or hot-restarted): its report. */
  swap(files: Record<string, string>): Promise<SwapReport>;
  /** Removes a file of the app's folder and waits for the swap it leads to. */
  remove(file: string, alsoWrite?: Record<string, string>): Promise<DevEvent>;
  openTab(): Promise<HeadlessSession>;
  close(): Promise<void>;
}

/** Every app started and not yet closed (see `closeSwapApps`). */
const running = new Set<SwapApp>();

/** For `afterEach`: closes every app a test started and empties the apps' shared log (`appLog`). */
export async function closeSwapApps(): Promise<void> {
  for (const app of [...running]) await app.close();
  delete (globalThis as { __log?: unknown }).__log;
}

/** What the apps pushed to `globalThis.__log`, the one place an app's code and its test both see. */
export const appLog = (): string[] => ((globalThis as { __log?: string[] }).__log ??= []);

/**
 * Starts it. The folder sits under the repository (so `weft` resolves as for a user's app);
 * `app.ts` is the entry unless told.
 */
export async function startSwapApp(files: Record<string, string>, options: { entry?: string; warmUp?: boolean } = {}): Promise<SwapApp> {
  const dir = join(root, ".tmp", `swap-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`);
  writeAll(dir, files);
  const dev = await startDevServer({ entry: join(dir, options.entry ?? "app.ts"), port: 0, inspectorPort: 0, print: false, workspace: dir, warmUp: options.warmUp ?? false, sourceLocations: false });
  const tabs: HeadlessSession[] = [];
  const openTab = async () => {
    const tab = await openSession(dev.engine.main);
    tabs.push(tab);
    return tab;
  };
  const tab = await openTab();
  /**
   * The outcome of a save: the first swap or refusal of a batch holding one of `files`. (Files
   * written in one go make one batch; a removal may come in a batch of its own, and a write of
   * what was already loaded makes none.)
   */
  const outcomeOf = (files: string[]) =>
    new Promise<DevEvent>((resolve, reject) => {
      const wanted = new Set(files.map((f) => join(dir, f)));
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no swap of ${[...wanted].join(", ")} within 10 s of the save`));
      }, 10_000);
      const off = dev.onEvent((event) => {
        if (!event.files.some((file) => wanted.has(file))) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  /** After the outcome: until every written file is what runs (a second batch may follow), and the tabs settled. */
  const settled = async (outcome: Promise<DevEvent>, written: string[]) => {
    let result = await outcome;
    const off = dev.onEvent((event) => void (result = event.type === "build-error" || result.type !== "build-error" ? event : result));
    for (const deadline = Date.now() + 10_000; ; ) {
      await dev.idle();
      if (written.every((f) => dev.isCurrent(join(dir, f)))) break;
      if (Date.now() > deadline) throw new Error(`weft dev did not take ${written.join(", ")}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    off();
    for (const t of tabs) await t.settle();
    return result;
  };
  const save = (changes: Record<string, string>) => {
    const outcome = outcomeOf(Object.keys(changes));
    writeAll(dir, changes);
    return settled(outcome, Object.keys(changes));
  };
  const app: SwapApp = {
    dev,
    dir,
    tab,
    save,
    async swap(changes) {
      const event = await save(changes);
      if (event.type !== "swap") throw new Error(`the save was refused: ${event.error.name}: ${event.error.message}`);
      return event.report;
    },
    remove(file, alsoWrite = {}) {
      const written = Object.keys(alsoWrite);
      const outcome = outcomeOf(written.length > 0 ? written : [file]);
      writeAll(dir, alsoWrite);
      rmSync(join(dir, file));
      return settled(outcome, written);
    },
    openTab,
    async close() {
      if (!running.delete(app)) return;
      for (const t of tabs) t.close();
      await dev.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(app);
  return app;
}

function writeAll(dir: string, files: Record<string, string>): void {
  for (const [name, source] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
}
