import { describe, expect, it } from "vitest";
import { positionIndex, sliderPositions, stepBack, stepForward } from "../timeSteps.ts";

describe("time travel's steps", () => {
  const steps = [6, 12, 20];
  const first = 2;

  it("◀ and ▶ are inverses: ▶ #6, ▶ #12, ◀ #6", () => {
    expect(stepForward(steps, first)).toBe(6);
    expect(stepForward(steps, 6)).toBe(12);
    expect(stepBack(steps, first, 12)).toBe(6);
    expect(stepBack(steps, first, 6)).toBe(first);
    // From any step, back then forward comes back to it.
    for (const s of steps) expect(stepForward(steps, stepBack(steps, first, s)!)).toBe(s);
  });

  it("◀ from live shows the tree before the last patch; every press shows another tree", () => {
    expect(stepBack(steps, first, 25)).toBe(12);
    expect(stepBack(steps, first, 12)).toBe(6);
    expect(stepBack(steps, first, first)).toBeUndefined();
    expect(stepForward(steps, 20)).toBeUndefined();
    // Between two patches: back goes to the state before the one in effect.
    expect(stepBack(steps, first, 15)).toBe(6);
  });

  it("the slider rests on the app's messages only, not the devtools' own frames", () => {
    // 7 and 8 were a highlight's call and reply: not positions.
    expect(sliderPositions([3, 4, 5, 6, 9, 10], 2, 10)).toEqual([2, 3, 4, 5, 6, 9, 10]);
    expect(positionIndex([2, 3, 4, 5, 6, 9, 10], 8)).toBe(4);
  });
});
