import type { Control } from "../controls/control.ts";
import type { Page } from "../page/page.ts";
import type { FamilyOf } from "./align.ts";

// The shapes of one build of `main`, apart from the construction hook (constructionHook.ts) that
// reads them: the run context (runContext.ts) carries a build, and the hook runs inside one.

/**
 * How constructions are treated while `main` builds a page (the construction hook's modes):
 *
 * - `record`: a normal run (first mount, hot restart): constructions are logged, so a later
 *   swap knows which controls `main` built.
 * - `probe`: the new code's first run, on a throwaway page: fresh objects, logged, to find out
 *   which old control each new construction stands for.
 * - `bind`: the new code's second run, on the live page: the k-th construction hands back the
 *   live control the probe's k-th construction was paired with. The live object is emptied to
 *   what a constructor starts from, so the new constructor and `main` fill it as they would a
 *   new one; what it held before is saved, and merged back three-way afterwards. Everything
 *   that held the control (runtime-created todo items, timers, closures) still holds it.
 * - `restart`: like `record`, but the first construction (the page) reuses the live page, so
 *   `page.session` and the connection stay.
 */
export type BuildMode = "record" | "probe" | "bind" | "restart";

export interface BuildContext {
  mode: BuildMode;
  /** Constructions in order (for bind: the live object where one was reused). */
  log: Control[];
  /** No more logging: main finished (or ran past its budget). */
  closed: boolean;
  /** bind: the probe's constructions, to check the second run builds the same things. */
  probeLog?: readonly Control[];
  /** bind: construction ordinal → the live control to hand back. */
  reuse?: ReadonlyMap<number, Control>;
  /** bind: what each reused control held before it was emptied. */
  saved?: Map<Control, SavedState>;
  /** bind: set when the second run built something else than the probe. */
  diverged?: string;
  /** restart: the live page, handed back for the first construction. */
  page?: Page;
  familyOf?: FamilyOf;
  /** bind: the key the k-th expected construction had (default: its live key). */
  expectedKey?: (control: Control) => unknown;
  /** bind: whether two classes are versions of one (then a reused control keeps its prototype). */
  sameFamily?: (a: Function, b: Function) => boolean;
  /** bind: what the same main built in the session swapped before this one, construction by construction (creation sites). */
  siteTemplate?: readonly Control[];
}

/** What a live control held before a bind emptied it: enough to merge, or to put it back. */
export interface SavedState {
  proto: object | null;
  owner: Control["_owner"];
  p: Record<string, unknown>;
  h: Record<string, Function>;
  single: Record<string, Control | undefined>;
  /** The raw list arrays (emptied in place, so whoever holds them keeps the same array). */
  listArrays: Record<string, Control[]>;
  lists: Record<string, Control[]>;
  listViews: Record<string, Control[]>;
  fields: Record<string, unknown>;
  changed: Map<string, unknown> | null;
  dirtySlots: Set<string> | null;
}
