import { describe, expect, it } from "vitest";
import { AlertDialog, Banner, BottomSheet, Button, Page, SnackBar, Text } from "../../index.ts";
import type { ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

const patches = (s: HeadlessSession, from = 0) =>
  s.messages.slice(from).filter((m) => m.direction === "out" && (m.message as ServerMessage).type === "patch");

/** A page with a dialog and a log of its dismissals. */
function dialogApp(dialog: AlertDialog) {
  const log: string[] = [];
  const main = (page: Page) => {
    dialog.onDismiss = () => void log.push("dismissed");
    page.add(
      new Button({ text: "open", key: "open", onClick: () => page.showDialog(dialog) }),
      new Button({ text: "close", key: "close", onClick: () => void page.closeDialog() }),
    );
  };
  return { main, log };
}

describe("page.showDialog / page.closeDialog", () => {
  it("puts the dialog in the page's overlay and opens it", async () => {
    const dialog = new AlertDialog({ key: "dlg", title: "Hello", content: new Text("Body") });
    const { main } = dialogApp(dialog);
    const s = await openSession(main);
    expect(s.findAll({ key: "dlg" })).toHaveLength(0);
    await s.find({ key: "open" }).click();
    const node = s.find({ key: "dlg" }).node;
    expect(node.p).toMatchObject({ open: true, title: "Hello" });
    expect(s.mirror.get(s.page.id).c.overlay).toEqual([dialog.id]);
    expect(s.page.overlay).toEqual([dialog]);
  });

  it("closes the top open dialog without firing dismiss", async () => {
    const dialog = new AlertDialog({ key: "dlg", title: "Hello" });
    const { main, log } = dialogApp(dialog);
    const s = await openSession(main);
    await s.find({ key: "open" }).click();
    await s.find({ key: "close" }).click();
    expect(s.find({ key: "dlg" }).props.open).toBe(false);
    expect(dialog.open).toBe(false);
    expect(log).toEqual([]);
  });

  it("closes the given dialog, or the topmost open one when none is given", async () => {
    const first = new AlertDialog({ key: "a", title: "A" });
    const second = new BottomSheet({ key: "b", content: new Text("B") });
    let closed: unknown;
    const s = await openSession((page) => {
      page.add(
        new Button({ key: "open", onClick: () => (page.showDialog(first), page.showDialog(second)) }),
        new Button({ key: "close-a", onClick: () => void (closed = page.closeDialog(first)) }),
        new Button({ key: "close-top", onClick: () => void (closed = page.closeDialog()) }),
      );
    });
    await s.find({ key: "open" }).click();
    await s.find({ key: "close-top" }).click();
    expect(closed).toBe(second);
    expect([first.open, second.open]).toEqual([true, false]);
    await s.find({ key: "close-a" }).click();
    expect(first.open).toBe(false);
    await s.find({ key: "close-top" }).click();
    expect(closed).toBeUndefined();
  });

  it("drops closed dialogs from the overlay when another is shown, and keeps open ones", async () => {
    const a = new SnackBar("one", { key: "a" });
    const b = new SnackBar("two", { key: "b" });
    const c = new Banner({ key: "c", content: "three" });
    const s = await openSession((page) => {
      page.add(
        new Button({ key: "a", text: "a", onClick: () => page.showDialog(a) }),
        new Button({ key: "b", text: "b", onClick: () => page.showDialog(b) }),
        new Button({ key: "c", text: "c", onClick: () => page.showDialog(c) }),
        new Button({ key: "close-a", text: "x", onClick: () => void page.closeDialog(a) }),
      );
    });
    await s.find({ key: "a", type: "Button" }).click();
    await s.find({ key: "b", type: "Button" }).click();
    await s.find({ key: "close-a" }).click();
    expect(s.page.overlay).toEqual([a, b]);
    await s.find({ key: "c", type: "Button" }).click();
    expect(s.page.overlay).toEqual([b, c]);
    expect(s.mirror.get(s.page.id).c.overlay).toEqual([b.id, c.id]);
  });

  it("shows a closed dialog again on top", async () => {
    const a = new AlertDialog({ key: "a", title: "A" });
    const b = new AlertDialog({ key: "b", title: "B" });
    const s = await openSession((page) => {
      page.add(
        new Button({ key: "open-a", onClick: () => page.showDialog(a) }),
        new Button({ key: "open-b", onClick: () => page.showDialog(b) }),
        new Button({ key: "close", onClick: () => void page.closeDialog() }),
      );
    });
    await s.find({ key: "open-a" }).click();
    await s.find({ key: "close" }).click();
    await s.find({ key: "open-b" }).click(); // a is closed: dropped
    await s.find({ key: "open-a" }).click();
    expect(s.page.overlay).toEqual([b, a]);
    expect([a.open, b.open]).toEqual([true, true]);
  });

  it("hears the browser's dismissal: open=false as a client prop, then dismiss", async () => {
    const dialog = new AlertDialog({ key: "dlg", title: "Hello" });
    const { main, log } = dialogApp(dialog);
    const s = await openSession(main);
    await s.find({ key: "open" }).click();
    const before = s.messages.length;
    // what the renderer sends on Escape or a click outside
    s.send({ type: "props", id: dialog.id, props: { open: false } });
    await s.find({ key: "dlg" }).fire("dismiss");
    expect(dialog.open).toBe(false);
    expect(log).toEqual(["dismissed"]);
    expect(patches(s, before)).toEqual([]); // the browser's value is not echoed back
    // opening it again is a change the browser must hear
    await s.find({ key: "open" }).click();
    expect(s.find({ key: "dlg" }).props.open).toBe(true);
  });

  it("refuses an open that is not a boolean", async () => {
    const dialog = new SnackBar("Saved", { key: "snack" });
    const s = await openSession((page) => page.showDialog(dialog));
    s.send({ type: "props", id: dialog.id, props: { open: "no" } });
    await s.settle();
    const last = s.messages.at(-1)!.message as ServerMessage;
    expect(last).toMatchObject({ type: "error", code: "BAD_PROP", message: "SnackBar.open must be a boolean, got string" });
    expect(dialog.open).toBe(true);
  });
});

describe("string-or-control props", () => {
  it("send a string as a prop and a control as a slot, and switching clears the other", async () => {
    const dialog = new AlertDialog({ key: "dlg", title: "Plain" });
    const s = await openSession((page) => {
      page.showDialog(dialog);
      page.add(new Button({ key: "rich", onClick: () => void (dialog.title = new Text("Rich", { key: "rich-title" })) }));
      page.add(new Button({ key: "plain", onClick: () => void (dialog.title = "Plain again") }));
    });
    expect(s.find({ key: "dlg" }).props.title).toBe("Plain");
    await s.find({ key: "rich" }).click();
    expect(s.find({ key: "dlg" }).props.title).toBeUndefined();
    expect(s.find({ key: "rich-title" }).text).toBe("Rich");
    expect(dialog.title).toBeInstanceOf(Text);
    await s.find({ key: "plain" }).click();
    expect(s.find({ key: "dlg" }).props.title).toBe("Plain again");
    expect(s.findAll({ key: "rich-title" })).toHaveLength(0);
    expect(dialog.title).toBe("Plain again");
  });

  it("take a control in the constructor's positional shorthand", () => {
    const text = new Text("Saved");
    const snack = new SnackBar(text, { action: "Undo" });
    expect(snack.content).toBe(text);
    expect(snack.action).toBe("Undo");
    expect(new SnackBar("Hi").content).toBe("Hi");
  });
});
