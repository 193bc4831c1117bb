import { describe, expect, it } from "vitest";
import {
  AppBar,
  Column,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  NavigationBar,
  Page,
  Radio,
  RadioGroup,
  Slider,
  Stack,
  Switch,
  Tab,
  Tabs,
  Text,
  View,
  type DataColumnSortData,
} from "../../index.ts";
import type { ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

const lastError = (s: HeadlessSession) =>
  s.messages.map((m) => m.message as ServerMessage).filter((m) => m.type === "error").at(-1);

describe("client props of the new controls", () => {
  const cases = [
    { make: () => new Switch({ key: "c" }), prop: "value", good: true, bad: "on", type: "boolean" },
    { make: () => new Slider({ key: "c", min: 0, max: 10 }), prop: "value", good: 7, bad: "7", type: "number" },
    { make: () => new Tabs({ key: "c", tabs: [new Tab("a"), new Tab("b")] }), prop: "selectedIndex", good: 1, bad: true, type: "number" },
    {
      make: () => new NavigationBar({ key: "c", destinations: [{ icon: "home", label: "Home" }] }),
      prop: "selectedIndex",
      good: 0,
      bad: "0",
      type: "number",
    },
    { make: () => new DataRow({ key: "c", cells: [] }), prop: "selected", good: true, bad: 1, type: "boolean" },
  ] as const;

  for (const c of cases) {
    it(`${c.make().constructor.name}.${c.prop} takes a ${c.type} from the browser and refuses anything else`, async () => {
      const control = c.make();
      const s = await openSession((page) => void page.add(control instanceof DataRow ? new DataTable({ rows: [control] }) : control));
      s.send({ type: "props", id: control.id, props: { [c.prop]: c.bad } });
      await s.settle();
      expect(lastError(s)).toMatchObject({ code: "BAD_PROP", id: control.id });
      expect((control as unknown as Record<string, unknown>)[c.prop]).toBeUndefined();
      s.send({ type: "props", id: control.id, props: { [c.prop]: c.good } });
      await s.settle();
      expect((control as unknown as Record<string, unknown>)[c.prop]).toBe(c.good);
    });
  }

  it("RadioGroup.value takes a value of any type from the browser (Flet's Radio values may be numbers)", async () => {
    const group = new RadioGroup({ key: "c", content: new Column([new Radio({ value: 3, label: "Three" }), new Radio({ value: "3", label: "The string" })]) });
    const s = await openSession((page) => void page.add(group));
    s.send({ type: "props", id: group.id, props: { value: 3 } });
    await s.settle();
    expect(group.value).toBe(3);
    s.send({ type: "props", id: group.id, props: { value: { id: 7 } } });
    await s.settle();
    expect(group.value).toEqual({ id: 7 });
    expect(lastError(s)).toBeUndefined();
  });

  it("refuses props the browser may not set, such as a Radio's value", async () => {
    const radio = new Radio({ value: "a", label: "A" });
    const s = await openSession((page) => void page.add(new RadioGroup({ content: new Column([radio]) })));
    s.send({ type: "props", id: radio.id, props: { value: "b" } });
    await s.settle();
    expect(lastError(s)).toMatchObject({ code: "BAD_PROP", message: "Radio has no prop 'value' the browser may set" });
    expect(radio.value).toBe("a");
  });

  it("a switch flip, a slider drag and a radio pick reach their handlers with the value", async () => {
    const seen: unknown[] = [];
    const sw = new Switch({ key: "sw", label: "Wi-Fi", onChange: (e) => void seen.push(["switch", e.control.value, e.data]) });
    const slider = new Slider({
      key: "sl",
      max: 100,
      divisions: 10,
      onChange: (e) => void seen.push(["slide", e.control.value]),
      onChangeEnd: (e) => void seen.push(["end", e.data]),
    });
    const group = new RadioGroup({
      key: "rg",
      content: new Column([new Radio({ value: "tea" }), new Radio({ value: "coffee" })]),
      onChange: (e) => void seen.push(["radio", e.control.value]),
    });
    const s = await openSession((page) => void page.add(sw, slider, group));
    await s.find({ key: "sw" }).check();
    // what the renderer sends while dragging: the value as a client prop, then change; at the end changeEnd
    s.send({ type: "props", id: slider.id, props: { value: 30 } });
    await s.find({ key: "sl" }).fire("change", 30);
    s.send({ type: "props", id: slider.id, props: { value: 40 } });
    await s.find({ key: "sl" }).fire("changeEnd", 40);
    await s.find({ key: "rg" }).select("coffee");
    expect(seen).toEqual([
      ["switch", true, true],
      ["slide", 30],
      ["end", 40],
      ["radio", "coffee"],
    ]);
    expect(slider.value).toBe(40);
  });
});

describe("DataTable", () => {
  function people(page: Page) {
    const data = [
      { name: "Ada", age: 36 },
      { name: "Grace", age: 85 },
      { name: "Alan", age: 41 },
    ];
    const log: unknown[] = [];
    const table = new DataTable({ key: "table" });
    const rowsOf = (list: typeof data) =>
      list.map(
        (p) =>
          new DataRow([new DataCell(new Text(p.name)), new DataCell(new Text(String(p.age)))], {
            key: p.name,
            onSelectChange: (e) => void log.push([p.name, e.data, e.control.selected]),
          }),
      );
    const sort = (e: { data: DataColumnSortData }) => {
      const { columnIndex, ascending } = e.data;
      const field = columnIndex === 0 ? "name" : "age";
      const sorted = [...data].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) * (ascending ? 1 : -1));
      table.rows = rowsOf(sorted);
      table.sortColumnIndex = columnIndex;
      table.sortAscending = ascending;
      log.push(["sort", columnIndex, ascending]);
    };
    table.columns = [new DataColumn("Name", { key: "col-name", onSort: sort }), new DataColumn("Age", { key: "col-age", numeric: true, onSort: sort })];
    table.rows = rowsOf(data);
    page.add(table);
    return log;
  }

  const names = (s: HeadlessSession) => s.findAll({ type: "DataRow" }).map((r) => r.node.p.key);

  it("sorts when a sortable header fires sort with {columnIndex, ascending}", async () => {
    let log: unknown[] = [];
    const s = await openSession((page) => void (log = people(page)));
    await s.find({ key: "col-age" }).fire("sort", { columnIndex: 1, ascending: true });
    expect(names(s)).toEqual(["Ada", "Alan", "Grace"]);
    expect(s.find({ key: "table" }).props).toMatchObject({ sortColumnIndex: 1, sortAscending: true });
    await s.find({ key: "col-age" }).fire("sort", { columnIndex: 1, ascending: false });
    expect(names(s)).toEqual(["Grace", "Alan", "Ada"]);
    await s.find({ key: "col-name" }).fire("sort", { columnIndex: 0, ascending: true });
    expect(names(s)).toEqual(["Ada", "Alan", "Grace"]);
    expect(log).toEqual([["sort", 1, true], ["sort", 1, false], ["sort", 0, true]]);
    expect(s.find({ key: "col-age" }).node.p).toMatchObject({ label: "Age", numeric: true });
  });

  it("selects rows: selected arrives as a client prop, then selectChange with the value", async () => {
    let log: unknown[] = [];
    const s = await openSession((page) => void (log = people(page)));
    const grace = s.find({ key: "Grace" });
    expect(grace.node.h).toEqual(["selectChange"]);
    s.send({ type: "props", id: grace.id, props: { selected: true } });
    await grace.fire("selectChange", true);
    expect(log).toEqual([["Grace", true, true]]);
  });
});

describe("AppBar, Tabs and Stack", () => {
  it("a View carries its AppBar in the appbar slot, with the title as text or a control", async () => {
    const s = await openSession((page) => {
      page.views = [
        new View({ route: "/", appbar: new AppBar({ title: "Home", key: "bar" }) }),
        new View({ route: "/x", appbar: new AppBar({ title: new Text("Rich", { key: "rich" }), key: "bar2", actions: [new Text("a")] }) }),
      ];
    });
    const views = s.mirror.get(s.page.id).c.views!;
    expect(s.mirror.get(views[0]!).c.appbar).toEqual([s.find({ key: "bar" }).id]);
    expect(s.find({ key: "bar" }).props.title).toBe("Home");
    const bar2 = s.find({ key: "bar2" }).node;
    expect(bar2.c.title).toEqual([s.find({ key: "rich" }).id]);
    expect(bar2.c.actions).toHaveLength(1);
  });

  it("a tab switch arrives as selectedIndex then change", async () => {
    const seen: unknown[] = [];
    const tabs = new Tabs([new Tab("One", { content: new Text("first") }), new Tab("Two", { icon: "star", content: new Text("second") })], {
      key: "tabs",
      onChange: (e) => void seen.push([e.data, e.control.selectedIndex]),
    });
    const s = await openSession((page) => void page.add(tabs));
    expect(s.find({ key: "tabs" }).node.c.tabs).toHaveLength(2);
    s.send({ type: "props", id: tabs.id, props: { selectedIndex: 1 } });
    await s.find({ key: "tabs" }).fire("change", 1);
    expect(seen).toEqual([[1, 1]]);
  });

  it("stack children send their offsets as common props", async () => {
    const s = await openSession((page) => void page.add(new Stack([new Text("under"), new Text("over", { key: "over", right: 4, bottom: 8 })])));
    expect(s.find({ key: "over" }).props).toMatchObject({ right: 4, bottom: 8 });
  });
});
