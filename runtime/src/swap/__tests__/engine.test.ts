import { afterEach, describe, expect, it } from "vitest";
import { Button, Checkbox, Column, Page, Row, Text, TextField, component, useState, type Component } from "../../index.ts";
import type { ServerMessage } from "@weft/protocol";
import { HeadlessSession, openSession } from "../../testing/index.ts";
import { SwapEngine } from "../engine.ts";
import { SwapBuildError } from "../swapBuildError.ts";
import type { SwapReport } from "../report.ts";
import { closeOpened, opened } from "./openedEngines.ts";

afterEach(closeOpened);

async function start(main: (page: Page) => unknown, tabs = 1) {
  const engine = new SwapEngine(main);
  const sessions: HeadlessSession[] = [];
  for (let i = 0; i < tabs; i++) sessions.push(await openSession(engine.main));
  opened.push({ engine, sessions });
  return { engine, s: sessions[0]!, sessions };
}

async function swap(engine: SwapEngine, next: (page: Page) => unknown, classes?: Record<string, unknown>): Promise<SwapReport> {
  if (classes) engine.registry.registerModule("/app/app.ts", classes);
  const report = await engine.swap(next, { files: ["app.ts"] });
  return report;
}

const registered = (s: HeadlessSession) => s.messages.filter((m) => m.direction === "out" && (m.message as ServerMessage).type === "registered").length;

// ---------------------------------------------------------------- counter, two versions

function counter(version: { step: number; label: string; extra?: boolean; initial?: string }) {
  return (page: Page) => {
    page.title = "Counter";
    const count = new Text({ value: version.initial ?? "0", key: "count" });
    page.add(
      new Row({
        controls: [
          new Button({ text: "-", key: "dec", onClick: () => void (count.value = String(Number(count.value) - version.step)) }),
          count,
          new Button({ text: version.label, key: "inc", onClick: () => void (count.value = String(Number(count.value) + version.step)) }),
          ...(version.extra ? [new Text({ value: "new in source", key: "hello" })] : []),
        ],
      }),
      new TextField({ key: "name", hint: "name" }),
    );
  };
}

describe("SwapEngine: closures in main", () => {
  it("keeps the counter and typed text, takes the new handler and the new label, on the same session", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    for (let i = 0; i < 5; i++) await s.find({ key: "inc" }).click();
    await s.find({ key: "name" }).type("Ada");
    const sessionId = s.session.id;
    const countId = s.find({ key: "count" }).id;

    const report = await swap(engine, counter({ step: 2, label: "plus" }));

    expect(s.session.id).toBe(sessionId);
    expect(registered(s)).toBe(1);
    expect(s.find({ key: "count" }).text).toBe("5");
    expect(s.find({ key: "count" }).id).toBe(countId);
    expect(s.find({ key: "name" }).text).toBe("Ada");
    expect(s.find({ key: "inc" }).text).toBe("plus");
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("7");
    expect(report.outcome).toBe("swapped");
    expect(report.sessions).toEqual({ kept: 1, restarted: 0 });
    expect(report.probed).toBe(0); // same structure: one run of main
    expect(report.handlersRebound).toBe(2);
    expect(report.propsTaken).toEqual([expect.objectContaining({ control: 'Button "inc"', prop: "content", from: "+", to: "plus" })]);
  });

  it("sends one small patch for a label edit and nothing for a handler-only edit", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    const from = s.messages.length;
    await swap(engine, counter({ step: 3, label: "+" }));
    expect(s.messages.length).toBe(from);
    await swap(engine, counter({ step: 3, label: "add" }));
    const sent = s.messages.slice(from).map((m) => m.message);
    expect(sent).toEqual([{ type: "patch", ops: [{ op: "set", id: s.find({ key: "inc" }).id, props: { content: "add" } }] }]);
  });

  it("adds and removes controls edited in the source", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await s.find({ key: "inc" }).click();
    const report = await swap(engine, counter({ step: 1, label: "+", extra: true }));
    expect(s.find({ key: "hello" }).text).toBe("new in source");
    expect(s.find({ key: "count" }).text).toBe("1");
    expect(report.added).toBe(1);
    expect(report.probed).toBe(1); // a control added: matched through the probe
    const back = await swap(engine, counter({ step: 1, label: "+" }));
    expect(s.findAll({ key: "hello" })).toHaveLength(0);
    expect(back.removed).toBe(1);
  });

  it("swaps an async main, holding the browser's events until the page is whole again", async () => {
    const app = (label: string) => async (page: Page) => {
      const count = new Text({ value: "0", key: "count" });
      page.add(count);
      await new Promise((r) => setTimeout(r, 20));
      page.add(new Button({ text: label, key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
    };
    const { engine, s } = await start(app("+"));
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    const swapped = swap(engine, app("plus"));
    await new Promise((r) => setTimeout(r, 5));
    const click = s.find({ key: "inc" }).click(); // arrives while the new main awaits
    await swapped;
    await click;
    expect(s.find({ key: "inc" }).text).toBe("plus");
    expect(s.find({ key: "count" }).text).toBe("3");
  });

  it("keeps typed text with its field when two fields trade places in the source", async () => {
    const form = (order: string[]) => (page: Page) => {
      page.add(...order.map((hint) => new TextField({ hint })));
    };
    const { engine, s } = await start(form(["first", "second"]));
    const first = () => s.findAll({ type: "TextField" }).find((f) => f.props.hintText === "first")!;
    await first().type("typed into first");
    await swap(engine, form(["second", "first"]));
    expect(s.findAll({ type: "TextField" }).map((f) => f.props.hintText)).toEqual(["second", "first"]);
    expect(first().text).toBe("typed into first");
  });

  it("keeps a value changed at runtime when the source changed it too, and says so", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await s.find({ key: "inc" }).click();
    const report = await swap(engine, counter({ step: 1, label: "+", initial: "10" }));
    expect(s.find({ key: "count" }).text).toBe("1");
    expect(report.propsKept).toEqual([expect.objectContaining({ control: 'Text "count"', prop: "value", kept: "1", source: "10" })]);
  });

  it("takes a source change to a value nobody changed at runtime", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await swap(engine, counter({ step: 1, label: "+", initial: "10" }));
    expect(s.find({ key: "count" }).text).toBe("10");
  });

  it("swaps every live session, each keeping its own state", async () => {
    const { engine, sessions } = await start(counter({ step: 1, label: "+" }), 3);
    await sessions[1]!.find({ key: "inc" }).click();
    const report = await swap(engine, counter({ step: 10, label: "+" }));
    expect(report.sessions.kept).toBe(3);
    for (const s of sessions) await s.find({ key: "inc" }).click();
    expect(sessions.map((s) => s.find({ key: "count" }).text)).toEqual(["10", "11", "10"]);
  });

  it("keeps the route and page.session", async () => {
    const app = (suffix: string) => (page: Page) => {
      page.session.set("visits", ((page.session.get("visits") as number) ?? 0) + 1);
      page.add(new Text({ value: `route ${page.route}${suffix}`, key: "where" }));
      page.onRouteChange = (e) => {
        (page.controls[0] as Text).value = `route ${e.route}${suffix}`;
      };
    };
    const { engine, s } = await start(app(""));
    s.page.go("/other");
    await s.settle();
    s.page.session.set("user", "ada");
    await swap(engine, app("!"));
    expect(s.page.route).toBe("/other");
    expect(s.page.session.get("user")).toBe("ada");
    // changed at runtime (by the route handler) and in the source: the runtime value stays…
    expect(s.find({ key: "where" }).text).toBe("route /other");
    // …and the next route change runs the new handler
    s.page.go("/third");
    await s.settle();
    expect(s.find({ key: "where" }).text).toBe("route /third!");
  });

  it("keeps the old code serving when the new main throws, and changes nothing", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await s.find({ key: "inc" }).click();
    const from = s.messages.length;
    const broken = () => {
      throw new TypeError("boom");
    };
    await expect(swap(engine, broken)).rejects.toBeInstanceOf(SwapBuildError);
    engine.discard();
    expect(s.messages.length).toBe(from);
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("2");
    await swap(engine, counter({ step: 5, label: "+" }));
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("7");
  });

  it("falls back to a hot restart when main builds different things on each run, keeping the connection", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await s.find({ key: "inc" }).click();
    let n = 0;
    const flaky = (page: Page) => {
      n++;
      page.add(n % 2 ? new Text({ value: "odd", key: "t" }) : new Button({ text: "even", key: "t" }));
    };
    const report = await swap(engine, flaky);
    expect(report.outcome).toBe("restarted");
    expect(report.restarts[0]!.reason).toMatch(/not deterministic/);
    expect(registered(s)).toBe(2);
    expect(s.findAll({ key: "count" })).toHaveLength(0);
    expect(s.find({ key: "t" })).toBeTruthy();
  });

  it("restarts every session when told the module is unsafe to swap", async () => {
    const { engine, s } = await start(counter({ step: 1, label: "+" }));
    await s.find({ key: "inc" }).click();
    const sessionId = s.session.id;
    s.page.session.set("kept", true);
    const report = await engine.swap(counter({ step: 1, label: "+" }), { files: ["app.ts"], restartReason: "app.ts:3 runs setInterval(…) at import" });
    expect(report.outcome).toBe("restarted");
    expect(s.session.id).toBe(sessionId);
    expect(s.find({ key: "count" }).text).toBe("0");
    expect(s.page.session.get("kept")).toBe(true);
  });
});

// ---------------------------------------------------------------- classes, like examples/todo.ts

function todoModule(version: { suffix: string; deleteLabel: string }) {
  class TodoItem extends Row {
    completed = false;
    readonly checkbox: Checkbox;
    constructor(
      public name: string,
      private readonly onStatusChange: () => void,
    ) {
      super({ key: `todo-${name}` });
      this.checkbox = new Checkbox({ value: false, label: name, key: "done", onChange: () => this.statusChanged() });
      this.controls = [this.checkbox, new Button({ text: version.deleteLabel, key: "delete" })];
    }
    statusChanged() {
      this.completed = this.checkbox.value === true;
      this.checkbox.label = this.name + (this.completed ? version.suffix : "");
      this.onStatusChange();
    }
  }
  class TodoApp extends Column {
    private readonly newTask = new TextField({ key: "new-task" });
    private readonly tasks = new Column({ key: "tasks" });
    private readonly remaining = new Text({ value: "0 left", key: "left" });
    filter = "all";
    constructor() {
      super();
      this.controls = [this.newTask, new Button({ text: "Add", key: "add", onClick: () => this.add() }), this.tasks, this.remaining];
    }
    add() {
      this.tasks.controls.push(new TodoItem(this.newTask.value ?? "", () => this.refresh()));
      this.newTask.value = "";
      this.refresh();
    }
    refresh() {
      const items = this.tasks.controls as TodoItem[];
      this.remaining.value = `${items.filter((i) => !i.completed).length} left${version.suffix}`;
    }
  }
  return { classes: { TodoItem, TodoApp }, main: (page: Page) => page.add(new TodoApp()), TodoApp, TodoItem };
}

describe("SwapEngine: classes", () => {
  async function withTodos() {
    const v1 = todoModule({ suffix: "", deleteLabel: "Delete" });
    const engine = new SwapEngine(v1.main);
    engine.registry.registerModule("/app/todo.ts", v1.classes);
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    for (const name of ["milk", "eggs", "bread"]) {
      await s.find({ key: "new-task" }).type(name);
      await s.find({ key: "add" }).click();
    }
    await s.findAll({ key: "done" })[1]!.check();
    return { engine, s, v1 };
  }

  it("keeps items added at runtime and their ticks, and runs new methods on them", async () => {
    const { engine, s } = await withTodos();
    expect(s.find({ key: "left" }).text).toBe("2 left");
    const v2 = todoModule({ suffix: " ✓", deleteLabel: "Remove" });
    engine.registry.registerModule("/app/todo.ts", v2.classes);
    const report = await engine.swap(v2.main, { files: ["todo.ts"] });

    expect(s.findAll({ type: "TodoItem" }).map((h) => h.props.key)).toEqual(["todo-milk", "todo-eggs", "todo-bread"]);
    expect(s.findAll({ key: "done" }).map((h) => h.props.value)).toEqual([false, true, false]);
    // runtime-created items are not rebuilt: their constructor-made labels stay as they were
    expect(s.findAll({ key: "delete" }).map((h) => h.text)).toEqual(["Delete", "Delete", "Delete"]);
    // …but their methods are the new ones, and what they call back into is the live app
    await s.findAll({ key: "done" })[0]!.check();
    expect(s.findAll({ key: "done" })[0]!.props.label).toBe("milk ✓");
    expect(s.find({ key: "left" }).text).toBe("1 left ✓");
    expect(report.classes).toEqual(expect.arrayContaining(["todo.ts: TodoItem", "todo.ts: TodoApp"]));
    expect(report.runtimeKept).toBe(3);
    // instances made by the old class are instances of the new one
    const item = s.session.tree.index.get(s.findAll({ type: "TodoItem" })[0]!.id);
    expect(item instanceof v2.TodoItem).toBe(true);
  });

  it("keeps class fields changed at runtime and the typed text of a field built in the constructor", async () => {
    const { engine, s } = await withTodos();
    const app = s.page.controls[0] as InstanceType<ReturnType<typeof todoModule>["TodoApp"]>;
    app.filter = "active";
    await s.find({ key: "new-task" }).type("half-typed");
    const v2 = todoModule({ suffix: "!", deleteLabel: "Delete" });
    engine.registry.registerModule("/app/todo.ts", v2.classes);
    await engine.swap(v2.main, { files: ["todo.ts"] });
    const same = s.page.controls[0] as typeof app;
    expect(same).toBe(app);
    expect(same.filter).toBe("active");
    expect(s.find({ key: "new-task" }).text).toBe("half-typed");
    await s.find({ key: "add" }).click();
    expect(s.findAll({ type: "TodoItem" })).toHaveLength(4);
    expect(s.find({ key: "left" }).text).toBe("3 left!");
  });
});

// ---------------------------------------------------------------- what main leaves running

describe("SwapEngine: tasks, timers, subscriptions", () => {
  it("stops the old main's tasks and timers and starts the new ones", async () => {
    const ticks: string[] = [];
    const app = (tag: string) => (page: Page) => {
      page.add(new Text({ value: tag, key: "t" }));
      page.runTask(async (signal) => {
        await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
        ticks.push(`${tag} stopped`);
      });
      setInterval(() => ticks.push(tag), 5);
    };
    // not openSession: it waits for tasks, and this one runs until its signal aborts
    const engine = new SwapEngine(app("v1"));
    const s = new HeadlessSession(engine.main);
    opened.push({ engine, sessions: [s] });
    const report = await swap(engine, app("v2"));
    for (let i = 0; i < 200 && !(ticks.includes("v1 stopped") && ticks.at(-1) === "v2"); i++) await new Promise((r) => setTimeout(r, 5));
    expect(ticks).toContain("v1 stopped");
    const afterSwap = ticks.slice(ticks.indexOf("v1 stopped") + 1);
    expect(afterSwap.every((t) => t === "v2")).toBe(true);
    expect(report.stopped).toEqual({ timers: 1, tasks: 1, subscriptions: 0 });
    expect(s.find({ key: "t" }).text).toBe("v2");
  });

  it("never lets the probe start tasks or keep subscriptions", async () => {
    let started = 0;
    const received: string[] = [];
    const app = (tag: string) => (page: Page) => {
      page.runTask(async () => void started++);
      page.pubsub.subscribe((m) => received.push(`${tag}:${String(m)}`));
      page.add(new Text({ value: tag, key: "t" }));
    };
    const { engine, s } = await start(app("v1"));
    await s.settle();
    expect(started).toBe(1);
    await swap(engine, app("v2"));
    await s.settle();
    expect(started).toBe(2);
    s.page.pubsub.sendAll("hi");
    await s.settle();
    expect(received).toEqual(["v2:hi"]);
  });
});

// ---------------------------------------------------------------- components

describe("SwapEngine: components", () => {
  function counterComponent(engine: SwapEngine, label: string, extraHook = false): Component<Record<string, never>> {
    const def = component(function Counter() {
      const [n, setN] = useState(0);
      if (extraHook) useState("extra");
      return new Column([new Text({ value: `${label} ${n}`, key: "n" }), new Button({ text: "+", key: "inc", onClick: () => setN(n + 1) })]);
    });
    return engine.registry.component("/app/app.ts", "Counter", def, undefined, extraHook ? "useState,useState" : "useState");
  }

  it("re-renders with the new function and keeps hook state when the hooks are the same", async () => {
    const engine = new SwapEngine(() => {});
    const v1 = counterComponent(engine, "count");
    (engine as unknown as { current: unknown }).current = (page: Page) => page.render(v1);
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "n" }).text).toBe("count 2");
    const v2 = counterComponent(engine, "total");
    expect(v2).toBe(v1);
    const report = await engine.swap((page: Page) => page.render(v2), { files: ["app.ts"] });
    await s.settle();
    expect(s.find({ key: "n" }).text).toBe("total 2");
    expect(report.components).toEqual([{ name: "Counter", instances: 1, hooks: "kept" }]);
  });

  it("resets a component whose hooks changed, and says why", async () => {
    const engine = new SwapEngine(() => {});
    const v1 = counterComponent(engine, "count");
    (engine as unknown as { current: unknown }).current = (page: Page) => page.render(v1);
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    await s.find({ key: "inc" }).click();
    const v2 = counterComponent(engine, "count", true);
    const report = await engine.swap((page: Page) => page.render(v2), { files: ["app.ts"] });
    await s.settle();
    expect(s.find({ key: "n" }).text).toBe("count 0");
    expect(report.components[0]).toMatchObject({ name: "Counter", hooks: "reset" });
    expect(report.reset).toEqual([expect.objectContaining({ what: "state of component Counter" })]);
  });
});

describe("SwapEngine: many edits", () => {
  it("twenty edits in a row, good and bad, leave one state per session and nothing running", async () => {
    const ticks = { n: 0 };
    const app = (step: number) => (page: Page) => {
      const count = new Text({ value: "0", key: "count" });
      page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + step)) }));
      setInterval(() => ticks.n++, 1000);
    };
    const { engine, s } = await start(app(1));
    await s.find({ key: "inc" }).click();
    for (let i = 0; i < 20; i++) {
      if (i % 4 === 3) {
        await expect(engine.swap(() => { throw new Error("bad"); }, { files: ["app.ts"] })).rejects.toThrow(SwapBuildError);
        engine.discard();
      } else {
        await engine.swap(app(i + 2), { files: ["app.ts"] });
      }
    }
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe(String(1 + 20));
    const active = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    expect(active).toBeLessThan(5);
  });
});

describe("SwapEngine: state outside the controls", () => {
  it("keeps a class's static fields across an edit (Flutter: static fields are state, not reinitialized)", async () => {
    const storeModule = (label: string) => {
      class Store {
        static visits = 0;
        static label = label;
      }
      return Store;
    };
    const app = (Store: ReturnType<typeof storeModule>) => (page: Page) => {
      const shown = new Text({ value: `${Store.label} ${Store.visits}`, key: "shown" });
      page.add(shown, new Button({ text: "visit", key: "inc", onClick: () => void (shown.value = `${Store.label} ${++Store.visits}`) }));
    };
    const v1 = storeModule("visits");
    const engine = new SwapEngine(app(v1));
    engine.registry.registerModule("/app/store.ts", { Store: v1 });
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    for (let i = 0; i < 3; i++) await s.find({ key: "inc" }).click();
    const v2 = storeModule("seen");
    engine.registry.registerModule("/app/store.ts", { Store: v2 });
    await engine.swap(app(v2), { files: ["store.ts"] });
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "shown" }).text).toBe("seen 4"); // visits kept, the label (changed only in the source) taken
    expect(v1.visits).toBe(4); // the old class reads the new one's
  });

  it("stops the timers of the modules that ran again only, not those of the others", async () => {
    const engine = new SwapEngine((page) => page.add(new Text({ value: "x" })));
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    const ticks = { clock: 0, app: 0 };
    const { runContext } = await import("../runContext.ts");
    runContext.run(engine.importContext("/app/clock.ts"), () => setInterval(() => ticks.clock++, 2));
    runContext.run(engine.importContext("/app/app.ts"), () => setInterval(() => ticks.app++, 2));
    await engine.swap(engine.currentMain, { files: [] }); // the first load
    runContext.run(engine.importContext("/app/app.ts"), () => setInterval(() => ticks.app++, 2)); // app.ts ran again
    const report = await engine.swap(engine.currentMain, { files: ["app.ts"] });
    expect(report.stopped.timers).toBe(1);
    const clock = ticks.clock;
    for (let i = 0; i < 500 && ticks.clock <= clock; i++) await new Promise((r) => setTimeout(r, 2));
    expect(ticks.clock).toBeGreaterThan(clock); // clock.ts was not reached by the edit: it keeps ticking
  });
});

describe("SwapEngine: many sessions", () => {
  it("answers a session's next event with the new code before its own swap comes round, and swaps it first", async () => {
    const { engine, sessions } = await start(counter({ step: 1, label: "+" }), 5);
    const last = sessions[4]!;
    const swapping = engine.swap(counter({ step: 100, label: "+" }), { files: ["app.ts"] });
    // The first session is swapped; the others wait with their input held.
    const click = last.find({ key: "inc" }).click();
    const report = await swapping;
    await click;
    expect(last.find({ key: "count" }).text).toBe("100");
    expect(report.sessions).toEqual({ kept: 5, restarted: 0 });
    expect(report.activeMs).toBeLessThanOrEqual(report.ms);
    for (const s of sessions.slice(0, 4)) {
      await s.find({ key: "inc" }).click();
      expect(s.find({ key: "count" }).text).toBe("100");
    }
  });

  it("lets the other sessions go on with the old code when the first one refuses the new code", async () => {
    const { engine, sessions } = await start(counter({ step: 1, label: "+" }), 3);
    await expect(engine.swap(() => { throw new Error("broken"); }, { files: ["app.ts"] })).rejects.toThrow(SwapBuildError);
    engine.discard();
    for (const s of sessions) {
      await s.find({ key: "inc" }).click();
      expect(s.find({ key: "count" }).text).toBe("1");
    }
  });
});
