/**
 * Indices of one longest strictly increasing subsequence of `seq`, ignoring entries of -1
 * (new items that have no old position). O(n log n), patience sorting with back-pointers.
 * Keyed reconciliation leaves these items in place and moves only the rest.
 */
export function longestIncreasingSubsequence(seq: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k] = index in seq of the smallest tail of a run of length k+1
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!;
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const result = new Set<number>();
  let k = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    result.add(k);
    k = prev[k]!;
  }
  return result;
}
