import { describe, expect, it } from "vitest";
import { openSession } from "weft/testing";
import todo from "../todo.ts";
import counter from "../counter.ts";

describe("examples/counter", () => {
  it("counts up and down", async () => {
    const s = await openSession(counter);
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "dec" }).click();
    expect(s.find({ key: "count" }).text).toBe("1");
    expect(s.page.title).toBe("Counter");
  });
});

describe("examples/todo", () => {
  async function withTasks(...names: string[]) {
    const s = await openSession(todo);
    for (const name of names) {
      await s.find({ key: "new-task" }).type(name);
      await s.find({ key: "add" }).click();
    }
    return s;
  }
  const shown = (s: Awaited<ReturnType<typeof withTasks>>) => s.findAll({ type: "Checkbox" }).map((c) => c.props.label);

  it("adds tasks, clears the field, and counts what is left", async () => {
    const s = await withTasks("milk", "eggs", "bread");
    expect(shown(s)).toEqual(["milk", "eggs", "bread"]);
    // a checkbox shows its label, not its tick: that is the text a person finds it by
    expect(s.find({ text: "eggs" }).controlType).toBe("Checkbox");
    expect(s.find({ key: "new-task" }).text).toBe("");
    expect(s.find({ key: "items-left" }).text).toBe("3 items left");
  });

  it("adds a task on Enter in the field", async () => {
    const s = await openSession(todo);
    await s.find({ key: "new-task" }).submit("tea");
    expect(shown(s)).toEqual(["tea"]);
  });

  it("completes, filters, and clears completed tasks", async () => {
    const s = await withTasks("milk", "eggs", "bread");
    await s.findAll({ type: "Checkbox" })[1]!.check();
    expect(s.find({ key: "items-left" }).text).toBe("2 items left");
    await s.find({ key: "filter-active" }).click();
    expect(shown(s)).toEqual(["milk", "bread"]);
    await s.find({ key: "filter-completed" }).click();
    expect(shown(s)).toEqual(["eggs"]);
    await s.find({ key: "filter-all" }).click();
    await s.find({ key: "clear" }).click();
    expect(shown(s)).toEqual(["milk", "bread"]);
  });

  it("edits and deletes a task", async () => {
    const s = await withTasks("milk", "eggs");
    const item = s.find({ key: "todo-milk" });
    expect(item.controlType).toBe("TodoItem");
    await s.findAll({ key: "edit" })[0]!.click();
    await s.find({ key: "edit-name" }).type("oat milk");
    await s.find({ key: "save" }).click();
    expect(shown(s)).toEqual(["oat milk", "eggs"]);
    await s.findAll({ key: "delete" })[1]!.click();
    expect(shown(s)).toEqual(["oat milk"]);
    expect(s.find({ key: "items-left" }).text).toBe("1 item left");
  });

  it("renders a stable, readable tree", async () => {
    const s = await withTasks("milk");
    expect(s.tree()).toMatch(/TodoItem\(Row\)#todo-milk alignment="spaceBetween"/);
    expect(s.tree()).not.toMatch(/"i":/);
  });
});
