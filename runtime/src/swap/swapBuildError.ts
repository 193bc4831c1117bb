/** The new code threw while building a page: nothing was changed, the old code still serves. */
export class SwapBuildError extends Error {
  constructor(
    readonly error: unknown,
    readonly sessionId: string,
    /** What the new code was doing: `building the page` (main), `rendering Counter` (a component). */
    readonly doing = "building the page",
  ) {
    super(`the new code threw while ${doing} of session ${sessionId}: ${errorMessage(error)}`);
    this.name = "SwapBuildError";
  }
}

/** The message of what was thrown, without repeating a SwapBuildError's own preamble. */
export function errorMessage(error: unknown): string {
  if (error instanceof SwapBuildError) return errorMessage(error.error);
  return error instanceof Error ? error.message : String(error);
}
