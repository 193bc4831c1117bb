import { describe, expect, it } from "vitest";
import { Button, Column, Container, Control, Dropdown, Icon, Row, Text, TextField } from "../../index.ts";
import { metaOf } from "../control.ts";

describe("Control", () => {
  it("assigns a distinct id at construction that never changes with props", () => {
    const a = new Text("a");
    const b = new Text("b");
    expect(b.id).toBeGreaterThan(a.id);
    const id = a.id;
    a.value = "changed";
    a.key = "k";
    expect(a.id).toBe(id);
  });

  it("takes props as one object, or the primary prop first", () => {
    expect(new Text("Hello", { size: 20 })).toMatchObject({ value: "Hello", size: 20 });
    expect(new Text({ value: "Hi", color: "red" })).toMatchObject({ value: "Hi", color: "red" });
    const children = [new Text("x"), new Text("y")];
    expect(new Column(children, { spacing: 4 }).controls).toEqual(children);
    expect(new Button("Go").content).toBe("Go");
    expect(new Button("Go").text).toBe("Go"); // the older name reads the same prop
    expect(new Button({ text: "Old" })._p).toEqual({ content: "Old" });
    expect(new Icon("delete", { size: 12 }).name).toBe("delete");
  });

  it("has key, visible, disabled and data on every control; data stays on the server", () => {
    const t = new Text({ value: "v", key: "k", visible: false, disabled: true, data: { secret: 1 } });
    expect([t.key, t.visible, t.disabled, t.data]).toEqual(["k", false, true, { secret: 1 }]);
    expect(t._p).toEqual({ value: "v", key: "k", visible: false, disabled: true });
  });

  it("keeps handlers out of the wire props and lists their events", () => {
    const onClick = () => {};
    const b = new Button({ text: "b", onClick });
    expect(b.onClick).toBe(onClick);
    expect(Object.keys(b._h)).toEqual(["click"]);
    expect(b._p).toEqual({ content: "b" });
    const field = new TextField({ onChange: () => {}, onSubmit: () => {} });
    expect(Object.keys(field._h).sort()).toEqual(["change", "submit"]);
  });

  it("declares per class which props the browser may set", () => {
    expect(metaOf(new TextField())).toMatchObject({ type: "TextField", clientProps: { value: "string" } });
    expect(metaOf(new Dropdown()).clientProps).toEqual({ value: "string" });
    expect(metaOf(new Text())).toMatchObject({ clientProps: {} });
  });

  it("lets reusable controls subclass built-ins, keeping the drawn type and the class name", () => {
    class Card extends Row {
      count = 0;
      constructor(readonly title: string) {
        super({ key: title });
        this.controls = [new Text(title)];
      }
      bump() {
        this.count++;
      }
    }
    const card = new Card("t");
    card.bump();
    expect(card.count).toBe(1);
    expect(metaOf(card).type).toBe("Row");
    expect(card._typeName()).toBe("Card");
    expect(card).toBeInstanceOf(Control);
  });

  it("treats a single-child slot as an optional control", () => {
    const inner = new Text("in");
    const box = new Container({ content: inner, padding: 8 });
    expect(box.content).toBe(inner);
    expect(box._children("content")).toEqual([inner]);
    box.content = undefined;
    expect(box._children("content")).toEqual([]);
  });
});
