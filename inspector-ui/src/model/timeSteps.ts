/**
 * Where time travel's ◀ and ▶ go, and where the slider can rest: pure functions of the history's
 * `steps` (the seqs of the patches kept: the tree after seq `s` includes patch `s`), its `first`
 * seq (the oldest tree it can show) and the position `at` (a message seq).
 *
 * The states are the trees: the one after `first`, and the one after each patch. ◀ goes to the
 * state before the patch in effect at `at`, ▶ to the state after the next patch, so ◀ and ▶ are
 * inverses (▶ #6, ▶ #12, ◀ #6), and every press shows another tree.
 */

/** The patch in effect at `at`: the last step at or before it (undefined: none yet). */
export function appliedStep(steps: readonly number[], at: number): number | undefined {
  let applied: number | undefined;
  for (const s of steps) {
    if (s > at) break;
    applied = s;
  }
  return applied;
}

/** Where ◀ goes from `at`: the step before the applied one, or `first`; undefined when at `first` already. */
export function stepBack(steps: readonly number[], first: number, at: number): number | undefined {
  const applied = appliedStep(steps, at);
  if (applied === undefined || applied <= first) return at > first ? first : undefined;
  let previous = first;
  for (const s of steps) {
    if (s >= applied) break;
    if (s > first) previous = s;
  }
  return previous;
}

/** Where ▶ goes from `at`: the next step; undefined when none is left (then only "live" remains). */
export function stepForward(steps: readonly number[], at: number): number | undefined {
  for (const s of steps) if (s > at) return s;
  return undefined;
}

/**
 * The seqs the slider can rest on: the app's messages between `first` and `last` (the devtools'
 * own frames, a highlight's call, left out: hovering the tree must not move the positions), and
 * `first` itself. Falls back to every seq when no row is held.
 */
export function sliderPositions(appSeqs: readonly number[], first: number, last: number): number[] {
  const out = [first];
  for (const s of appSeqs) if (s > first && s <= last) out.push(s);
  if (out.length === 1 && last > first) for (let s = first + 1; s <= last; s++) out.push(s);
  return out;
}

/** The position nearest `seq` at or before it (the slider's index). */
export function positionIndex(positions: readonly number[], seq: number): number {
  let lo = 0;
  let hi = positions.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! <= seq) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
