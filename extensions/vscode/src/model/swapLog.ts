import type { ErrorInfo, SwapReport } from "@weft/protocol/channel";
import { Emitter } from "./emitter.ts";

/** A save that could not be taken: the old code keeps serving. */
export interface BuildError {
  error: ErrorInfo;
  files: string[];
  at: number;
}

/** The devserver's recent hot-swap reports (newest first) and the current build error. */
export class SwapLog {
  private reportList: SwapReport[] = [];
  private currentError: BuildError | null = null;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly limit = 20) {}

  get reports(): readonly SwapReport[] {
    return this.reportList;
  }

  get last(): SwapReport | null {
    return this.reportList[0] ?? null;
  }

  get error(): BuildError | null {
    return this.currentError;
  }

  addReport(report: SwapReport): void {
    // The backlog after hello repeats the last report: keep one copy.
    this.reportList = [report, ...this.reportList.filter((r) => r.id !== report.id)].slice(0, this.limit);
    this.changed.fire();
  }

  setError(error: BuildError | null): void {
    if (error === null && this.currentError === null) return;
    this.currentError = error;
    this.changed.fire();
  }

  clear(): void {
    this.reportList = [];
    this.currentError = null;
    this.changed.fire();
  }
}

/** `swapped in 12 ms (app.ts)`: one line for a report. */
export function summarizeSwap(report: SwapReport): string {
  const verb = report.outcome === "swapped" ? "swapped" : report.outcome === "restarted" ? "hot-restarted" : "swapped (some sessions restarted)";
  const files = report.files.length ? ` (${report.files.join(", ")})` : "";
  return `${verb} in ${Math.round(report.ms)} ms${files}`;
}
