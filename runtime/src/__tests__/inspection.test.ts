import { afterEach, describe, expect, it } from "vitest";
import { Button, Column, Text, WeftError, type Page } from "../index.ts";
import { hook } from "../hook.ts";
import { openSession, type HeadlessSession } from "../testing/index.ts";

class Tally extends Column {
  clicks = 0;
  readonly label = "tally";
}

const app = (page: Page) => {
  page.title = "Inspected";
  const count = new Text({ value: "0", key: "count" });
  const tally = new Tally({ key: "tally", controls: [count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) })] });
  tally.data = { owner: "ada" };
  page.add(tally);
};

let sessions: HeadlessSession[] = [];
afterEach(() => {
  for (const s of sessions) s.close();
  sessions = [];
});

async function open() {
  const s = await openSession(app);
  sessions.push(s);
  return { s, inspection: hook.inspection!, id: s.session.id };
}

describe("the hook's inspection API", () => {
  it("is on the hook as soon as the runtime can make sessions", () => {
    expect(globalThis.__WEFT_HOOK__?.inspection).toBe(hook.inspection);
    expect(hook.inspection).not.toBeNull();
  });

  it("describes live sessions by id, and forgets a closed one", async () => {
    const { s, inspection, id } = await open();
    expect(inspection.describeSession(id)).toMatchObject({ id, state: "connected", route: "/", title: "Inspected", crashed: null });
    expect(inspection.sessions().map((d) => d.id)).toContain(id);
    s.close();
    expect(inspection.describeSession(id)).toBeUndefined();
    expect(inspection.root(id)).toBeUndefined();
  });

  it("reads a control's node, children, place, handler and the app's own fields, never weft's", async () => {
    const { s, inspection, id } = await open();
    const tally = inspection.control(id, s.find({ key: "tally" }).id)!;
    const inc = inspection.control(id, s.find({ key: "inc" }).id)!;
    expect(inspection.node(tally)).toEqual({ i: tally.id, t: "Column", n: "Tally", p: { key: "tally" } });
    expect(inspection.node(inc)).toMatchObject({ t: "Button", p: { content: "+", key: "inc" }, h: ["click"] });
    expect(inspection.typeName(tally)).toBe("Tally");
    expect(inspection.children(tally).map(([slot, children]) => [slot, children.map((c) => inspection.node(c).p.key)])).toEqual([["controls", ["count", "inc"]]]);
    expect(inspection.placeOf(inc)).toEqual({ parent: tally, slot: "controls" });
    expect(inspection.placeOf(inspection.root(id)!)).toBeNull();
    expect(typeof inspection.handler(inc, "click")).toBe("function");
    expect(inspection.handler(inc, "hover")).toBeUndefined();
    expect(Object.fromEntries(inspection.fields(tally))).toEqual({ clicks: 0, label: "tally", data: { owner: "ada" } });
    expect(inspection.isControl(tally)).toBe(true);
    expect(inspection.isControl({ id: 3 })).toBe(false);
    expect(inspection.propNames(inc)).toContain("content");
  });

  it("serializes a tree detached from the live controls", async () => {
    const { s, inspection, id } = await open();
    const tree = inspection.tree(inspection.root(id)!);
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("1");
    const count = JSON.stringify(tree).match(/"value":"(\d)"/)![1];
    expect(count).toBe("0");
    const node = inspection.node(inspection.control(id, s.find({ key: "count" }).id)!);
    node.p.value = "changed by a tool";
    expect(s.find({ key: "count" }).text).toBe("1");
  });

  it("sets a prop as app code would: the tab gets the change; a prop the class lacks is refused by name", async () => {
    const { s, inspection, id } = await open();
    const count = inspection.control(id, s.find({ key: "count" }).id)!;
    inspection.setProp(id, count, "value", "42");
    expect(s.find({ key: "count" }).text).toBe("42");
    expect(s.messages.at(-1)!.message).toMatchObject({ type: "patch", ops: [{ op: "set", id: count.id, props: { value: "42" } }] });
    let refused: unknown;
    try {
      inspection.setProp(id, count, "colour", "red");
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(WeftError);
    expect(refused).toMatchObject({ code: "NOT_A_PROP", message: expect.stringMatching(/^Text has no prop 'colour'; its props are .*value/) });
  });
});
