/**
 * Times as the channel carries them: milliseconds to the microsecond. Finer is noise, and every
 * digit goes to every watching tool: `JSON.stringify` writes a double of 17 significant digits
 * (`0.012345678901234567`) at twice the cost of a rounded one (`0.012`), and times are in every
 * row, handler and chain the agent sends, several per app event.
 */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** `Date.now()`-based, to the microsecond: `performance.now()` (the hook's `at` stamps) on the wall clock. */
export function wallTime(perfNow: number = performance.now()): number {
  return roundMs(performance.timeOrigin + perfNow);
}
