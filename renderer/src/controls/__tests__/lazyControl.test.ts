import { describe, expect, it, vi } from "vitest";
import type { ServerMessage, WireNode } from "@weft/protocol";
import { holdForControlChunks, lazyControl } from "../lazyControl.tsx";

/** A chunk whose arrival the test decides. */
function chunk() {
  let arrive!: () => void;
  let fail!: (error: Error) => void;
  const loaded = new Promise<{ Table: () => null }>((resolve, reject) => {
    arrive = () => resolve({ Table: () => null });
    fail = reject;
  });
  return { load: vi.fn(() => loaded), arrive, fail };
}

const node = (i: number, t: string, children: WireNode[] = []): WireNode => ({ i, t, p: {}, c: { controls: children } });
const registered = (page: WireNode): ServerMessage => ({ type: "registered", sessionId: "s", page }) as ServerMessage;
const insert = (n: WireNode): ServerMessage => ({ type: "patch", ops: [{ op: "insert", parent: 1, slot: "controls", before: null, node: n }] });
const set = (id: number): ServerMessage => ({ type: "patch", ops: [{ op: "set", id, props: { value: "x" } }] });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("holdForControlChunks", () => {
  it("applies a message without lazy controls at once, and never loads a chunk for it", () => {
    const c = chunk();
    lazyControl("DataTable", c.load, (m) => m.Table);
    const handled: ServerMessage[] = [];
    const handle = holdForControlChunks((m) => handled.push(m));
    const page = registered(node(1, "Page", [node(2, "Text")]));
    handle(page);
    expect(handled).toEqual([page]);
    expect(c.load).not.toHaveBeenCalled();
  });

  it("holds the message that brings a lazy control, and those after it, until its chunk arrives, then applies them in order", async () => {
    const c = chunk();
    lazyControl("Tabs", c.load, (m) => m.Table);
    const handled: ServerMessage[] = [];
    const handle = holdForControlChunks((m) => handled.push(m));
    const first = set(2);
    const bringsTabs = insert(node(5, "Column", [node(6, "Tabs")]));
    const after = set(6);
    handle(first);
    handle(bringsTabs);
    handle(after);
    await flush();
    expect(handled).toEqual([first]);
    expect(c.load).toHaveBeenCalledTimes(1);
    c.arrive();
    await flush();
    expect(handled).toEqual([first, bringsTabs, after]);
    // Loaded once: the next one passes straight through.
    const again = insert(node(7, "Tabs"));
    handle(again);
    expect(handled.at(-1)).toBe(again);
    expect(c.load).toHaveBeenCalledTimes(1);
  });

  it("a chunk that fails to load releases the messages (the control waits, the page lives)", async () => {
    const c = chunk();
    lazyControl("Slider", c.load, (m) => m.Table);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const handled: ServerMessage[] = [];
    const handle = holdForControlChunks((m) => handled.push(m));
    const page = registered(node(1, "Page", [node(3, "Slider")]));
    handle(page);
    c.fail(new Error("offline"));
    await flush();
    expect(handled).toEqual([page]);
    expect(errors).toHaveBeenCalledWith("[weft] a control's chunk failed to load:", expect.any(Error));
    errors.mockRestore();
  });
});
