import { vi } from "vitest";
import type { HeadlessSession } from "../../testing/index.ts";
import type { SwapEngine } from "../engine.ts";

/** Engines a test made and the headless sessions it opened on them: closed by `closeOpened`. */
export const opened: { engine: SwapEngine; sessions: HeadlessSession[] }[] = [];

/** For `afterEach`: closes every session, disposes every engine (its hooks and timers), and restores spies. */
export function closeOpened(): void {
  for (const { engine, sessions } of opened.splice(0)) {
    for (const s of sessions) s.close();
    engine.dispose();
  }
  vi.restoreAllMocks();
}
