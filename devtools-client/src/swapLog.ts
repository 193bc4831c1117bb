import type { BuildErrorMessage, SwapReport } from "@weft/protocol/channel";
import { Emitter, type Unsubscribe } from "./emitter.ts";

/** A save that could not be taken: the old code keeps serving until the next good save. */
export type BuildError = Omit<BuildErrorMessage, "type">;

/** The devserver's recent hot-swap reports (newest first, each once) and the current build error. */
export class SwapLog {
  private reportList: SwapReport[] = [];
  private currentError: BuildError | null = null;
  private readonly changes = new Emitter<void>();

  constructor(
    /** Reports kept; older ones leave first. */
    readonly limit = 200,
  ) {}

  /** Newest first. */
  get reports(): readonly SwapReport[] {
    return this.reportList;
  }

  get last(): SwapReport | null {
    return this.reportList[0] ?? null;
  }

  get error(): BuildError | null {
    return this.currentError;
  }

  subscribe(listener: () => void): Unsubscribe {
    return this.changes.subscribe(listener);
  }

  addReport(report: SwapReport): void {
    // The backlog after hello repeats the last report: keep one copy.
    if (this.reportList.some((r) => r.id === report.id)) return;
    this.reportList = [report, ...this.reportList].slice(0, this.limit);
    this.changes.emit();
  }

  /** Reports from before the tool connected (`get-swaps`), in any order: merged, newest first, each once. */
  addReports(reports: readonly SwapReport[]): void {
    const byId = new Map(this.reportList.map((r) => [r.id, r]));
    let added = false;
    for (const r of reports) {
      if (byId.has(r.id)) continue;
      byId.set(r.id, r);
      added = true;
    }
    if (!added) return;
    this.reportList = [...byId.values()].sort((a, b) => b.id - a.id).slice(0, this.limit);
    this.changes.emit();
  }

  setError(error: BuildError | null): void {
    if (error === null && this.currentError === null) return;
    this.currentError = error;
    this.changes.emit();
  }

  clear(): void {
    this.reportList = [];
    this.currentError = null;
    this.changes.emit();
  }
}
