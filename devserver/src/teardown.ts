import type { StatsResult } from "@weft/protocol/channel";

/**
 * What a devserver started, undone in reverse order on `close()`, once: a step that fails is
 * reported and the rest still run, so a port is never left open by an earlier error.
 */
export function createTeardown(): { add(undo: () => unknown): void; run(): Promise<void> } {
  const steps: (() => unknown)[] = [];
  let running: Promise<void> | null = null;
  return {
    add: (undo) => void steps.push(undo),
    run: () =>
      (running ??= (async () => {
        for (const undo of steps.splice(0).reverse()) {
          try {
            await undo();
          } catch (err) {
            console.error("weft: while stopping the devserver:", err);
          }
        }
      })()),
  };
}

/** The process's figures for `get-stats` (the hub adds the tools). */
export function processStats(startedAt: number, sessions: number, swaps: number): Omit<StatsResult, "channelClients"> {
  (globalThis as { gc?: () => void }).gc?.();
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  const memory = process.memoryUsage();
  return { pid: process.pid, uptimeMs: Date.now() - startedAt, heapUsed: memory.heapUsed, rss: memory.rss, activeResources: resources, sessions, swaps };
}
