import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replay } from "weft/testing";
import { changedExample } from "./changedExample.ts";

/**
 * The point of a recording: change what the app does, and its replay fails at the step where
 * the change shows, saying what was expected and what came instead. The fixtures are copies of
 * the examples with one deliberate change each.
 */
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

describe("a deliberate behaviour change", () => {
  it("makes the counter recording fail at the first '+' with the value it expected", async () => {
    const result = await replay(path("../recordings/counter.weft.jsonl"), { app: changedExample("counter-double-step") });
    expect(result.ok).toBe(false);
    expect(result.differences.map(String)).toEqual([`step 2 (click on Button#inc "+"): expected Text#count value "1", got "2"`]);
    expect(result.differences[0]).toMatchObject({ step: 2, kind: "prop", control: "Text#count", expected: '"1"', actual: '"2"', line: 4 });
    expect(result.tree).toContain('Text#count size=24 value="2"');
  });

  it("makes the todo recording fail when the second task lands on top", async () => {
    const result = await replay(path("../recordings/todo.weft.jsonl"), { app: changedExample("todo-newest-first") });
    expect(result.differences.map(String)).toEqual([
      `step 5 (submit on TextField#new-task "eggs"): expected Column#tasks to hold [TodoItem#todo-milk, TodoItem#todo-eggs] in this order, got [TodoItem#todo-eggs, TodoItem#todo-milk]`,
    ]);
  });

  it("is reported once per step where it shows, with keepGoing", async () => {
    const result = await replay(path("../recordings/counter.weft.jsonl"), { app: changedExample("counter-double-step"), keepGoing: true });
    expect(result.steps).toBe(result.totalSteps);
    expect(result.differences.map((d) => d.step)).toEqual([2, 3, 4, 5, 6]);
    expect(result.differences.at(-1)!.message).toBe(`step 6 (click on Button#inc "+"): expected Text#count value "3", got "7"`);
  });

  it("leaves the unchanged examples passing", async () => {
    expect((await replay(path("../recordings/counter.weft.jsonl"), { app: path("../../examples/counter.ts") })).ok).toBe(true);
  });
});

describe("a deliberate routing change", () => {
  it("makes the routing recording fail at the browser's back button", async () => {
    const result = await replay(path("../recordings/routing.weft.jsonl"), { app: changedExample("routing-no-back") });
    expect(result.differences.map(String)).toEqual([
      `step 4 (routeChange on Page with "/"): expected Page to hold 1 view, got an extra View route="/items/2" (position 2)`,
    ]);
    expect(result.differences[0]!.line).toBe(7);
  });
});
