import { dirname, sep } from "node:path";
import type { ChannelTarget } from "./devServerInfo.ts";

/** What the extension knows when it picks which devserver to follow. */
export interface ChoiceState {
  /** The one the user gave (a URL, or picked in "Choose weft dev…"): followed while it runs. */
  manual: ChannelTarget | null;
  /** The app "Start weft dev for This File" was just run for: its devserver is followed once it appears. */
  started: { entry: string; at: number } | null;
  /** The one followed now, if any. */
  current: ChannelTarget | null;
  /** The file in the active editor, if any. */
  activeFile: string | null;
  /** Devservers the user disconnected from (by instance): not rejoined by themselves. */
  declined: ReadonlySet<string>;
}

/** What identifies one run of a devserver: a restarted one (same URL, kept token) is another. */
export function instanceOf(target: ChannelTarget): string {
  return `${target.pid ?? "?"}:${target.startedAt ?? target.url}`;
}

export type Choice =
  /** Follow this one. */
  | { kind: "follow"; target: ChannelTarget; why: string }
  /** Several run and nothing says which: ask the user. */
  | { kind: "ask"; targets: ChannelTarget[] }
  | { kind: "none" };

/**
 * Which of the running devservers of the workspace the sidebar follows, in order: the one the
 * user chose; the one "Start weft dev for This File" just started; the one already followed (a
 * sidebar does not jump away by itself); the one whose app the active editor shows (the entry,
 * or a file in the entry's folder, the nearest first); the only one; else the user is asked.
 * Devservers the user disconnected from are left out, until they restart.
 */
export function chooseTarget(targets: readonly ChannelTarget[], state: ChoiceState): Choice {
  const candidates = targets.filter((t) => !state.declined.has(instanceOf(t)));
  if (state.manual) {
    const still = candidates.find((t) => instanceOf(t) === instanceOf(state.manual!) || t.url === state.manual!.url);
    if (still || !state.manual.pid) return { kind: "follow", target: still ?? state.manual, why: "chosen" };
  }
  if (state.started) {
    const started = newest(candidates.filter((t) => t.entry === state.started!.entry && (t.startedAt ?? 0) >= state.started!.at - 2_000));
    if (started) return { kind: "follow", target: started, why: "started from the editor" };
  }
  if (state.current) {
    const still = candidates.find((t) => instanceOf(t) === instanceOf(state.current!));
    if (still) return { kind: "follow", target: still, why: "followed" };
  }
  if (candidates.length === 0) return { kind: "none" };
  if (state.activeFile) {
    const file = state.activeFile;
    const exact = newest(candidates.filter((t) => t.entry === file));
    if (exact) return { kind: "follow", target: exact, why: "its app is open" };
    let best: ChannelTarget | null = null;
    let bestLength = -1;
    for (const t of candidates) {
      if (!t.entry) continue;
      const folder = dirname(t.entry) + sep;
      if (file.startsWith(folder) && folder.length > bestLength) {
        best = t;
        bestLength = folder.length;
      }
    }
    if (best) return { kind: "follow", target: best, why: "the open file is in its app's folder" };
  }
  if (candidates.length === 1) return { kind: "follow", target: candidates[0]!, why: "the only one" };
  return { kind: "ask", targets: [...candidates].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0)) };
}

function newest(targets: ChannelTarget[]): ChannelTarget | null {
  let best: ChannelTarget | null = null;
  for (const t of targets) if (!best || (t.startedAt ?? 0) > (best.startedAt ?? 0)) best = t;
  return best;
}
