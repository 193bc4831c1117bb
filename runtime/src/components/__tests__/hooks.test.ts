import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Button, Column, Text, TextField, component, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState,
} from "../../index.ts";
import type { PatchOp, ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

const patches = (s: HeadlessSession, from = 0) =>
  s.messages.slice(from).filter((m) => m.direction === "out" && (m.message as ServerMessage).type === "patch")
    .map((m) => (m.message as { ops: PatchOp[] }).ops);
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.restoreAllMocks());

const Counter = component(function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return new Column([
    new Text({ value: `${label}: ${count}`, key: "value" }),
    new Button({ text: "+", key: "inc", onClick: () => setCount((c) => c + 1) }),
  ]);
});

describe("component", () => {
  it("keeps state between renders and sends only the prop that changed", async () => {
    const s = await openSession((page) => page.render(Counter, { label: "n" }));
    expect(s.find({ key: "value" }).text).toBe("n: 0");
    const textId = s.find({ key: "value" }).id;
    const from = s.messages.length;
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "value" }).text).toBe("n: 1");
    expect(patches(s, from).flat()).toEqual([{ op: "set", id: textId, props: { value: "n: 1" } }]);
    expect(s.find({ type: "Counter" }).controlType).toBe("Counter");
  });

  it("batches several state changes of one handler into one render and one patch", async () => {
    let renders = 0;
    const Pair = component(() => {
      renders++;
      const [a, setA] = useState(0);
      const [b, setB] = useState(0);
      return new Button({ text: `${a}/${b}`, key: "both", onClick: () => { setA(1); setB(2); setA((x) => x + 1); } });
    });
    const s = await openSession((page) => page.render(Pair));
    const from = s.messages.length;
    await s.find({ key: "both" }).click();
    expect(s.find({ key: "both" }).text).toBe("2/2");
    expect(renders).toBe(2);
    expect(patches(s, from)).toHaveLength(1);
  });

  it("re-renders only the component whose state changed", async () => {
    let outer = 0;
    const App = component(() => {
      outer++;
      return new Column([Counter({ label: "a" }), Counter({ label: "b" })]);
    });
    const s = await openSession((page) => page.render(App));
    await s.findAll({ key: "inc" })[1]!.click();
    expect(s.findAll({ key: "value" }).map((t) => t.text)).toEqual(["a: 0", "b: 1"]);
    expect(outer).toBe(1);
  });

  it("keeps a child's state when its parent re-renders with new props", async () => {
    const App = component(function App() {
      const [label, setLabel] = useState("x");
      return new Column([new Button({ text: "rename", key: "rename", onClick: () => setLabel("y") }), Counter({ label })]);
    });
    const s = await openSession((page) => page.render(App));
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "rename" }).click();
    expect(s.find({ key: "value" }).text).toBe("y: 2");
  });

  it("keeps typed text in a field that a re-render rebuilds", async () => {
    const Form = component(() => {
      const [n, setN] = useState(0);
      return new Column([new TextField({ key: "name" }), new Button({ text: `saved ${n}`, key: "save", onClick: () => setN(n + 1) })]);
    });
    const s = await openSession((page) => page.render(Form));
    await s.find({ key: "name" }).type("Ada");
    await s.find({ key: "save" }).click();
    expect(s.find({ key: "save" }).text).toBe("saved 1");
    // the new TextField took over the old one's node: the browser keeps what was typed
    expect(s.find({ key: "name" }).text).toBe("Ada");
  });
});

describe("hooks", () => {
  it("runs effects after the render is sent, again when deps change, and cleans up", async () => {
    const log: string[] = [];
    const Ticker = component(({ step }: { step: number }) => {
      const [n, setN] = useState(0);
      useEffect(() => {
        log.push(`effect ${n}`);
        return () => log.push(`cleanup ${n}`);
      }, [n]);
      useEffect(() => void log.push("every render"));
      return new Button({ text: String(n), key: "tick", onClick: () => setN(n + step) });
    });
    const s = await openSession((page) => page.render(Ticker, { step: 1 }));
    await tick();
    expect(log).toEqual(["effect 0", "every render"]);
    await s.find({ key: "tick" }).click();
    await tick();
    expect(log).toEqual(["effect 0", "every render", "cleanup 0", "effect 1", "every render"]);
    s.page.controls = [];
    s.page.update();
    expect(log.at(-1)).toBe("cleanup 1");
  });

  it("memoizes with useMemo/useCallback and keeps refs without re-rendering", async () => {
    const computed = vi.fn((n: number) => n * 2);
    const seen = new Set<unknown>();
    const Memo = component(() => {
      const [n, setN] = useState(1);
      const [, force] = useState(0);
      const double = useMemo(() => computed(n), [n]);
      const onClick = useCallback(() => setN((x) => x + 1), []);
      seen.add(onClick);
      const renders = useRef(0);
      renders.current++;
      return new Column([
        new Text({ value: `${double} after ${renders.current}`, key: "out" }),
        new Button({ text: "n", key: "n", onClick }),
        new Button({ text: "force", key: "force", onClick: () => force((x) => x + 1) }),
      ]);
    });
    const s = await openSession((page) => page.render(Memo));
    await s.find({ key: "force" }).click();
    expect(s.find({ key: "out" }).text).toBe("2 after 2");
    expect(computed).toHaveBeenCalledTimes(1);
    await s.find({ key: "n" }).click();
    expect(s.find({ key: "out" }).text).toBe("4 after 3");
    expect(seen.size).toBe(1);
  });

  it("reads the nearest provider's value with useContext and follows its changes", async () => {
    const Theme = createContext("light");
    const Label = component(() => new Text({ value: `theme ${useContext(Theme)}`, key: "label" }));
    const App = component(() => {
      const [theme, setTheme] = useState("dark");
      return Theme.Provider({
        value: theme,
        child: new Column([Label({}), new Button({ text: "flip", key: "flip", onClick: () => setTheme("sepia") })]),
      });
    });
    const s = await openSession((page) => page.add(Label({}), App({})));
    expect(s.findAll({ key: "label" }).map((l) => l.text)).toEqual(["theme light", "theme dark"]);
    await s.find({ key: "flip" }).click();
    expect(s.findAll({ key: "label" }).map((l) => l.text)).toEqual(["theme light", "theme sepia"]);
  });

  it("reports a changed hook order instead of mixing up state", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const Bad = component(function Bad() {
      const [on, setOn] = useState(false);
      if (on) useRef(0);
      return new Button({ text: on ? "on" : "off", key: "b", onClick: () => setOn(true) });
    });
    const s = await openSession((page) => page.render(Bad));
    await s.find({ key: "b" }).click();
    await tick();
    const error = s.messages.map((m) => m.message).find((m) => (m as ServerMessage).type === "error") as { message: string };
    expect(error.message).toMatch(/Bad: hooks must be called in the same order/);
    expect(s.find({ key: "b" }).text).toBe("off"); // kept its last good body
  });

  it("mixes components and imperative controls in one tree", async () => {
    const s = await openSession((page) => {
      const plain = new Text({ value: "plain", key: "plain" });
      page.add(new Column([plain, Counter({ label: "c" })]));
    });
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "plain" }).text).toBe("plain");
    expect(s.find({ key: "value" }).text).toBe("c: 1");
  });
});

describe("component names", () => {
  it("names an arrow component after the variable it is declared as, as React infers it", async () => {
    const Greeting = component(() => new Text({ value: "hi", key: "hi" }));
    expect(Greeting.displayName).toBe("Greeting");
    const s = await openSession((page) => page.render(Greeting));
    expect(s.find({ type: "Greeting" }).controlType).toBe("Greeting");
  });

  it("keeps the function's own name, or the one given, and says Component when nothing names it", () => {
    expect(component(function Named() { return new Text({ value: "x" }); }).displayName).toBe("Named");
    expect(component(() => new Text({ value: "x" }), "Given").displayName).toBe("Given");
    expect([component(() => new Text({ value: "x" }))][0]!.displayName).toBe("Component");
  });
});
