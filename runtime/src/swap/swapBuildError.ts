/** The new code threw while building a page: nothing was changed, the old code still serves. */
export class SwapBuildError extends Error {
  constructor(
    readonly error: unknown,
    readonly sessionId: string,
  ) {
    super(`the new code threw while building the page of session ${sessionId}: ${errorMessage(error)}`);
    this.name = "SwapBuildError";
  }
}

/** The message of what was thrown, without repeating a SwapBuildError's own preamble. */
export function errorMessage(error: unknown): string {
  if (error instanceof SwapBuildError) return errorMessage(error.error);
  return error instanceof Error ? error.message : String(error);
}
