/**
 * What one swap did, for the one line the terminal prints and the full report the channel
 * carries (docs/hot-swap.md). The runtime caps each list (`REPORT_LIST_LIMIT` in `weft/swap`);
 * counts are not capped.
 */
export interface SwapReport {
  /** Counts up from 1 per devserver. */
  id: number;
  /** `Date.now()` when the swap finished. */
  at: number;
  /** Changed files, relative to the app's folder. */
  files: string[];
  /** From the first change event to the new code serving every session. */
  ms: number;
  /** Where the time went: waiting for more changes, running the changed modules, swapping. */
  phases?: { waitMs: number; importMs: number; swapMs: number };
  /**
   * From the first change event until the new code answers every session's next event: the
   * first session is swapped, the others hold their input until their own swap, which follows
   * at once (the rest of `ms`). Under `weft dev` from the change event; from the swap's start
   * when the engine is driven directly.
   */
  activeMs?: number;
  /** `swapped`: every session kept its state; `restarted`: every session re-ran main; `mixed`: some of each. */
  outcome: "swapped" | "restarted" | "mixed";
  sessions: { kept: number; restarted: number };
  /**
   * Sessions whose new build differed in structure from the old (controls added, removed,
   * moved): matched through a throwaway run of main first. The others took one run.
   */
  probed: number;
  /** Why sessions were hot-restarted instead of swapped. */
  restarts: { sessionId: string; reason: string }[];
  /** Handlers that now run the new code, over all sessions. */
  handlersRebound: number;
  /** Props whose source changed and that nobody changed at runtime: the new value is shown. */
  propsTaken: PropTaken[];
  /** Props changed at runtime and in the source: the runtime value stays. */
  propsKept: PropKept[];
  /** Class fields changed at runtime whose initial value the source changed too: kept. */
  fieldsKept: { control: string; field: string }[];
  /** Handlers set at runtime (not by main): kept, old code. */
  handlersKept: { control: string; event: string }[];
  /** Controls added and removed in the source, over all sessions. */
  added: number;
  removed: number;
  /** Children the code did not build (added at runtime) carried into the new tree. */
  runtimeKept: number;
  /** Classes whose instances (also those created at runtime) now run the new methods. */
  classes: string[];
  /** Components re-rendered with their new function: hook state kept or reset. */
  components: { name: string; instances: number; hooks: "kept" | "reset"; reason?: string }[];
  /** What started afresh, and why. */
  reset: { what: string; why: string }[];
  /** What the old code left running and the swap stopped. */
  stopped: { timers: number; tasks: number; subscriptions: number };
  warnings: string[];
}

export interface PropTaken {
  control: string;
  prop: string;
  from: unknown;
  to: unknown;
  /** In how many sessions. */
  sessions: number;
}

export interface PropKept {
  control: string;
  prop: string;
  kept: unknown;
  source: unknown;
  sessions: number;
}
