import { currentGeneration } from "./runContext.ts";
import type { TimerHandle } from "./generation.ts";

let timersInstalled = 0;
let restoreTimers: (() => void) | null = null;

/**
 * Wraps the global `setTimeout`/`setInterval` so that a timer started inside a generation (in
 * `main`, in a task it started, at a module's top level) is cleared when the generation ends.
 * Timers started anywhere else (Vite, ws, the app's handlers) are left alone. Reference counted:
 * the last `uninstall` puts the originals back.
 */
export function installTimerTracking(): () => void {
  if (timersInstalled++ === 0) {
    const originals = {
      setTimeout: globalThis.setTimeout,
      setInterval: globalThis.setInterval,
    };
    const wrapTimeout = function (this: unknown, fn: unknown, ms?: number, ...args: unknown[]) {
      // A module's import also runs Vite's own work in its async context: its one-shot timers
      // are not the module's to clear, so modules track intervals only.
      const gen = currentGeneration();
      if (!gen || !gen.tracksTimeouts || typeof fn !== "function") return (originals.setTimeout as Function).call(this, fn, ms, ...args);
      const timer: TimerHandle = (originals.setTimeout as Function).call(
        this,
        function (this: unknown, ...callArgs: unknown[]) {
          gen.untrackTimer(timer);
          return (fn as Function).apply(this, callArgs);
        },
        ms,
        ...args,
      );
      gen.trackTimer(timer);
      return timer;
    };
    const wrapInterval = function (this: unknown, fn: unknown, ms?: number, ...args: unknown[]) {
      const timer: TimerHandle = (originals.setInterval as Function).call(this, fn, ms, ...args);
      currentGeneration()?.trackTimer(timer);
      return timer;
    };
    // Keep util.promisify.custom and friends: `promisify(setTimeout)` must still work.
    copyStatics(originals.setTimeout, wrapTimeout);
    copyStatics(originals.setInterval, wrapInterval);
    globalThis.setTimeout = wrapTimeout as unknown as typeof setTimeout;
    globalThis.setInterval = wrapInterval as unknown as typeof setInterval;
    restoreTimers = () => {
      globalThis.setTimeout = originals.setTimeout;
      globalThis.setInterval = originals.setInterval;
    };
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--timersInstalled === 0) {
      restoreTimers?.();
      restoreTimers = null;
    }
  };
}

function copyStatics(from: Function, to: Function): void {
  for (const key of Reflect.ownKeys(from)) {
    if (key === "length" || key === "name" || key === "prototype") continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key);
    if (descriptor) Object.defineProperty(to, key, descriptor);
  }
}
