/** What Flet's `random()` of its enums takes: values to leave out, and weights (default 1). */
export interface RandomOptions {
  exclude?: readonly string[];
  weights?: Partial<Record<string, number>>;
}

/** Flet's `random(exclude, weights)` of its enums, shared by Colors and Icons. */
export function pickRandom<T extends string>(all: readonly T[], { exclude, weights }: RandomOptions): T | undefined {
  const excluded = new Set(exclude);
  const choices = [...new Set(all)].filter((c) => !excluded.has(c));
  if (choices.length === 0) return undefined;
  const weightOf = (c: T) => weights?.[c] ?? 1;
  let r = Math.random() * choices.reduce((sum, c) => sum + weightOf(c), 0);
  for (const c of choices) {
    r -= weightOf(c);
    if (r < 0) return c;
  }
  return choices[choices.length - 1];
}
