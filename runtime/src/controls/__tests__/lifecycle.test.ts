import { describe, expect, it } from "vitest";
import { openSession } from "../../testing/index.ts";
import { Checkbox, Column, Container, control, Text, type ControlInit, type Page } from "../../index.ts";

describe("a class's lifecycle", () => {
  it("shows children added in didMount, even when didMount calls update() (solitaire deals so)", async () => {
    class Board extends Column {
      override didMount(): void {
        this.controls.push(new Text("x"));
        this.update();
      }
    }
    const s = await openSession((page: Page) => page.add(new Board()));
    const messages = s.messages.filter((m) => m.direction === "out").map((m) => m.message.type);
    expect(messages[0]).toBe("registered");
    expect(messages).not.toContain("crashed");
    expect(s.find({ text: "x" }).controlType).toBe("Text");
  });

  it("shows children added in didMount without update(): the session sends them after the page", async () => {
    class Board extends Column {
      override didMount(): void {
        this.controls.push(new Text("dealt"));
      }
    }
    const s = await openSession((page: Page) => page.add(new Board()));
    expect(s.find({ text: "dealt" }).text).toBe("dealt");
  });
});

describe("class fields named like props (Flet's dataclass fields)", () => {
  it("are the control's props: their values are sent, and later changes too", async () => {
    class TodoItem extends Column {
      override spacing = 4;
      override controls = [new Text("milk", { key: "name" })];
      onTap = 0; // not a prop of Column: a plain field
      rename(name: string) {
        (this.controls[0] as Text).value = name;
        this.spacing = 12;
      }
    }
    const item = new TodoItem();
    const s = await openSession((page: Page) => page.add(item));
    const column = s.findAll({ type: "TodoItem" })[0]!;
    expect(column.props.spacing).toBe(4);
    expect(s.find({ key: "name" }).text).toBe("milk");
    item.rename("eggs");
    item.update();
    await s.settle();
    expect(s.find({ key: "name" }).text).toBe("eggs");
    expect(column.props.spacing).toBe(12);
    expect(Object.keys(item)).toContain("onTap");
    expect(Object.keys(item)).not.toContain("spacing");
  });

  it("take handlers as fields too", async () => {
    let clicked = 0;
    class Clickable extends Container {
      override onClick = () => {
        clicked++;
      };
    }
    const s = await openSession((page: Page) => page.add(new Clickable({ key: "box" })));
    await s.find({ key: "box" }).click();
    expect(clicked).toBe(1);
  });
});

describe("build, beforeUpdate and init", () => {
  it("builds a class's children once, when it is first added, with the page at hand", async () => {
    const calls: string[] = [];
    class Greeting extends Column {
      override build(): void {
        calls.push("build");
        this.controls = [new Text(`Hello on ${this.page!.route}`, { key: "hello" })];
      }
    }
    const greeting = new Greeting();
    const s = await openSession((page: Page) => page.add(greeting));
    expect(s.find({ key: "hello" }).text).toBe("Hello on /");
    greeting.update();
    await s.settle();
    expect(calls).toEqual(["build"]);
  });

  it("calls beforeUpdate before the first send and on each update(), sending what it derives", async () => {
    class Counter extends Column {
      count = 0;
      readonly label = new Text("", { key: "label" });
      override init(): void {
        this.controls = [this.label];
      }
      override beforeUpdate(): void {
        this.label.value = `Count: ${this.count}`;
      }
    }
    const counter = new Counter();
    const s = await openSession((page: Page) => page.add(counter));
    expect(s.find({ key: "label" }).text).toBe("Count: 0");
    counter.count = 5; // a plain field: nothing is tracked until update()
    counter.update();
    await s.settle();
    expect(s.find({ key: "label" }).text).toBe("Count: 5");
  });
});

describe("@control (Flet's dataclass-style controls)", () => {
  it("takes fields from the props object over their defaults, then runs init()", async () => {
    @control
    class Task extends Column {
      taskName = "";
      override spacing = 4;
      onDelete: (task: Task) => void = () => {};
      constructor(init?: ControlInit<Task>) {
        super(init);
      }
      override init(): void {
        this.controls = [new Checkbox({ label: this.taskName, key: "box" })];
      }
    }
    let deleted: Task | null = null;
    const task = new Task({ taskName: "milk", spacing: 9, onDelete: (t) => (deleted = t) });
    expect(task.taskName).toBe("milk");
    expect(task.spacing).toBe(9);
    expect(task._p.spacing).toBe(9); // a prop, not a shadowing field
    expect(task.constructor.name).toBe("Task");
    const s = await openSession((page: Page) => page.add(task));
    expect(s.find({ key: "box" }).props.label).toBe("milk");
    expect(s.find({ type: "Task" }).controlType).toBe("Task");
    task.onDelete(task);
    expect(deleted).toBe(task);
  });
});

describe("@control on a class and its subclass (Flet's calculator buttons)", () => {
  it("sets the subclass's field defaults, and the props object still wins", async () => {
    const { Button } = await import("../../index.ts");
    @control
    class CalcButton extends Button {
      override expand: boolean | number = 1;
    }
    const inits: string[] = [];
    @control
    class DigitButton extends CalcButton {
      override bgcolor = "white24";
      override init() {
        inits.push(`${this.bgcolor} ${String(this.expand)}`);
      }
    }
    const zero = new DigitButton({ content: "0", expand: 2 });
    const one = new DigitButton("1");
    expect([zero._p, one._p]).toEqual([
      { content: "0", expand: 2, bgcolor: "white24" },
      { content: "1", expand: 1, bgcolor: "white24" },
    ]);
    expect(inits).toEqual(["white24 2", "white24 1"]); // once each, with every field set
  });
});

describe("beforeUpdate on the way to a change (Flet's todo counts its tasks there)", () => {
  class Counted extends Column {
    summary = new Text({ value: "", key: "left" });
    boxes = new Column();
    override build() {
      this.controls = [this.summary, this.boxes];
    }
    override beforeUpdate() {
      const open = this.boxes.controls.filter((box) => (box as Checkbox).value !== true).length;
      this.summary.value = `${open} left`;
    }
  }

  it("runs an ancestor's beforeUpdate when a control below it changes", async () => {
    const app = new Counted();
    const s = await openSession((page: Page) => page.add(app));
    expect(s.find({ key: "left" }).text).toBe("0 left");
    app.boxes.controls.push(new Checkbox({ label: "a" }), new Checkbox({ label: "b" }));
    app.boxes.update();
    expect(s.find({ key: "left" }).text).toBe("2 left");
  });

  it("runs it after a handler that changed only what the browser had set (a ticked box)", async () => {
    const app = new Counted();
    const s = await openSession((page: Page) => page.add(app));
    app.boxes.controls.push(new Checkbox({ label: "a", key: "a", onChange: () => {} }), new Checkbox({ label: "b" }));
    app.boxes.update();
    await s.find({ key: "a" }).check();
    expect(s.find({ key: "left" }).text).toBe("1 left");
  });
});
