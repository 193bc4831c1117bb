import { describe, expect, it } from "vitest";
import { openSession, type HeadlessSession } from "weft/testing";
import main from "../todo.ts";

const add = async (s: HeadlessSession, name: string) => {
  await s.find({ key: "new_task" }).type(name);
  await s.find({ key: "add_task" }).click();
};
const tasks = (s: HeadlessSession) => s.findAll({ type: "Checkbox" }).map((box) => box.text);
const itemsLeft = (s: HeadlessSession) => s.findAll({ type: "Text" }).find((t) => t.text.endsWith("left"))!.text;
const taskRow = (s: HeadlessSession, name: string) => s.findAll({ type: "Task" }).find((t) => s.findAll({ type: "Checkbox" }).some((b) => b.text === name && isInside(s, b.id, t.id)))!;
function isInside(s: HeadlessSession, id: number, ancestor: number): boolean {
  for (let at: number | null = id; at !== null; at = s.mirror.get(at).parent) if (at === ancestor) return true;
  return false;
}
const buttonIn = (s: HeadlessSession, task: { id: number }, tooltip: string) =>
  s.findAll({ type: "IconButton" }).find((b) => b.props.tooltip === tooltip && isInside(s, b.id, task.id))!;

describe("Flet's To-Do app, ported", () => {
  it("adds tasks from the field (the + button), clears the field and counts what is left", async () => {
    const s = await openSession(main);
    expect(s.page.title).toBe("ToDo App");
    expect(s.findAll({ type: "Text" })[0]!.text).toBe("Todos");
    await add(s, "Buy milk");
    await add(s, "Walk the dog");
    expect(tasks(s)).toEqual(["Buy milk", "Walk the dog"]);
    expect(s.find({ key: "new_task" }).text).toBe("");
    expect(itemsLeft(s)).toBe("2 active item(s) left");
    await add(s, ""); // an empty field adds nothing
    expect(tasks(s)).toHaveLength(2);
  });

  it("filters by the all / active / completed tabs and clears the completed ones", async () => {
    const s = await openSession(main);
    await add(s, "one");
    await add(s, "two");
    await add(s, "three");
    await s.findAll({ type: "Checkbox" }).find((b) => b.text === "two")!.check();
    expect(itemsLeft(s)).toBe("2 active item(s) left");
    await s.find({ type: "Tab", text: "active" }).click();
    expect(tasks(s)).toEqual(["one", "three"]);
    await s.find({ type: "Tab", text: "completed" }).click();
    expect(tasks(s)).toEqual(["two"]);
    await s.find({ type: "Tab", text: "all" }).click();
    expect(tasks(s)).toEqual(["one", "two", "three"]);
    await s.find({ type: "OutlinedButton", text: "Clear completed" }).click();
    expect(tasks(s)).toEqual(["one", "three"]);
  });

  it("edits a task in place and deletes one", async () => {
    const s = await openSession(main);
    await add(s, "draft");
    await add(s, "keep");
    const draft = taskRow(s, "draft");
    await buttonIn(s, draft, "Edit To-Do").click();
    const field = s.findAll({ type: "TextField" }).find((f) => isInside(s, f.id, draft.id))!;
    expect(field.text).toBe("draft");
    await field.type("final");
    await buttonIn(s, draft, "Update To-Do").click();
    expect(tasks(s)).toEqual(["final", "keep"]);
    await buttonIn(s, taskRow(s, "final"), "Delete To-Do").click();
    expect(tasks(s)).toEqual(["keep"]);
    expect(itemsLeft(s)).toBe("1 active item(s) left");
  });
});
