import { describe, expect, it } from "vitest";
import {
  Alignment,
  Button,
  Column,
  Container,
  ElevatedButton,
  FilledButton,
  FloatingActionButton,
  GestureDetector,
  Padding,
  PopupMenuButton,
  PopupMenuItem,
  Row,
  Tab,
  TabBar,
  TabBarView,
  Tabs,
  Text,
  TextField,
  type DragUpdateEvent,
  type Page,
} from "../../index.ts";
import { openSession } from "../../testing/index.ts";

describe("Flet 1.0's Button", () => {
  it("takes its label as content, a string or a control, and the handler reads it back", async () => {
    const pressed: unknown[] = [];
    const seven = new Button("7", { key: "seven", onClick: (e) => void pressed.push(e.control.content) });
    const rich = new Button({ content: new Row([new Text("Rich")]), key: "rich" });
    const s = await openSession((page: Page) => page.add(seven, rich));
    await s.find({ key: "seven" }).click();
    expect(pressed).toEqual(["7"]);
    expect(s.find({ key: "seven" }).props).toMatchObject({ content: "7" });
    expect(s.find({ text: "Rich" }).controlType).toBe("Button"); // the button shows its content's text
    expect(s.find({ key: "rich" }).text).toBe("Rich");
  });

  it("draws each of Flet's button classes as its own type; ElevatedButton is a Button", async () => {
    const s = await openSession((page: Page) => page.add(new FilledButton("Apply", { key: "f" }), new ElevatedButton("Old", { key: "e" })));
    expect(s.find({ key: "f" }).node.t).toBe("FilledButton");
    expect(s.find({ key: "e" }).node).toMatchObject({ t: "Button", n: "ElevatedButton" });
  });
});

describe("page-level bars and buttons", () => {
  it("puts page.appbar and page.floatingActionButton on the first view", async () => {
    const s = await openSession((page: Page) => {
      page.appbar = new Text("bar", { key: "bar" });
      page.floatingActionButton = new FloatingActionButton({ icon: "add", key: "fab" });
    });
    const view = s.mirror.get(s.mirror.get(s.mirror.root!).c.views![0]!);
    expect(s.mirror.get(view.c.appbar![0]!).p.key).toBe("bar");
    expect(s.mirror.get(view.c.floatingActionButton![0]!).p.key).toBe("fab");
  });
});

describe("PopupMenuButton", () => {
  it("calls the picked item's onClick, then the menu's onSelect with that item", async () => {
    const calls: string[] = [];
    const edit = new PopupMenuItem({ content: "Edit", key: "edit", onClick: () => void calls.push("item") });
    const s = await openSession((page: Page) =>
      page.add(new PopupMenuButton({ items: [edit, new PopupMenuItem()], onSelect: (e) => void calls.push(`select ${e.data === edit}`) })),
    );
    await s.find({ key: "edit" }).click();
    expect(calls).toEqual(["item", "select true"]);
  });
});

describe("GestureDetector", () => {
  it("moves a positioned control by the drag's deltas, read as e.localDelta (Flet's solitaire)", async () => {
    class Card extends GestureDetector {
      constructor() {
        super({ key: "card", left: 10, top: 10, dragInterval: 5, content: new Container({ width: 70, height: 100 }) });
        this.onPanUpdate = (e: DragUpdateEvent) => this.drag(e);
      }
      drag(e: DragUpdateEvent) {
        this.left = (this.left ?? 0) + e.localDelta.x;
        this.top = (this.top ?? 0) + e.localDelta.y;
      }
    }
    const card = new Card();
    const s = await openSession((page: Page) => page.add(card));
    await s.find({ key: "card" }).drag(30, -4, 2);
    expect([card.left, card.top]).toEqual([40, 6]);
    expect(s.find({ key: "card" }).props).toMatchObject({ left: 40, top: 6, dragInterval: 5 });
  });

  it("tells taps and double taps apart", async () => {
    const seen: string[] = [];
    const s = await openSession((page: Page) =>
      page.add(new GestureDetector({ key: "g", onTap: (e) => void seen.push(`tap ${e.localPosition.x}`), onDoubleTap: () => void seen.push("double") })),
    );
    await s.find({ key: "g" }).tap();
    await s.find({ key: "g" }).doubleTap();
    expect(seen).toEqual(["tap 0", "double"]);
  });
});

describe("Flet 1.0's Tabs", () => {
  it("holds the selected index for the TabBar and TabBarView inside; the browser changes it", async () => {
    const changes: number[] = [];
    const tabs = new Tabs({
      length: 2,
      key: "tabs",
      onChange: (e) => void changes.push(e.data),
      content: new Column([new TabBar([new Tab("One"), new Tab({ label: "Two", key: "two" })]), new TabBarView([new Text("1"), new Text("2")])]),
    });
    const s = await openSession((page: Page) => page.add(tabs));
    expect(s.find({ key: "two" }).text).toBe("Two");
    s.send({ type: "props", id: tabs.id, props: { selectedIndex: 1 } });
    s.send({ type: "event", id: tabs.id, name: "change", data: 1 });
    await s.settle();
    expect([tabs.selectedIndex, changes]).toEqual([1, [1]]);
  });

  it("keeps Tab.text as a deprecated name of label", () => {
    const tab = new Tab({ text: "Old" });
    expect([tab.label, tab._p]).toEqual(["Old", { label: "Old" }]);
  });
});

describe("value classes", () => {
  it("send Alignment and Padding as plain JSON, as Flet's do", async () => {
    const box = new Container({ key: "box", alignment: Alignment.BOTTOM_RIGHT, padding: Padding.symmetric({ horizontal: 8 }) });
    const s = await openSession((page: Page) => page.add(box));
    expect(s.find({ key: "box" }).props).toMatchObject({ alignment: { x: 1, y: 1 }, padding: { left: 8, top: 0, right: 8, bottom: 0 } });
  });
});

describe("TextField's Flet 1.0 names", () => {
  it("takes hintText and error (the older hint and errorText still work)", async () => {
    const field = new TextField({ key: "f", hint: "Your name", prefix: new Text("@") });
    const s = await openSession((page: Page) => page.add(field));
    field.errorText = "Required";
    field.update();
    await s.settle();
    expect(s.find({ key: "f" }).props).toMatchObject({ hintText: "Your name", error: "Required" });
    expect(s.find({ key: "f" }).node.c.prefix).toHaveLength(1);
  });
});
