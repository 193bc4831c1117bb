import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Column, Page, Row, Text, component, createContext, useCallback, useContext, useEffect, useMemo, useState, type Component, type Control } from "../../index.ts";
import { HeadlessSession, openSession } from "../../testing/index.ts";
import { SwapEngine } from "../engine.ts";
import type { SwapReport } from "../report.ts";
import { SwapBuildError } from "../swapBuildError.ts";
import { closeOpened, opened } from "./openedEngines.ts";

/**
 * React Fast Refresh's own suite (packages/react-refresh/src/__tests__/ReactFresh-test.js)
 * translated into weft: each `render(() => …)`/`patch(() => …)` of React's is a version of a
 * module here, whose components are registered as the devserver's transform registers them
 * (`registry.component`, with a hook signature where React's test gives one), and each patch a
 * swap into live headless sessions. Where React checks that the DOM node stayed, these check
 * the state: weft's diff keeps a node whose control stays whether it was remounted or not.
 */
const FILE = "/app/app.ts";
afterEach(closeOpened);

/** A module version: builds its components (registering them) and returns the main that renders `root`. */
type Version = (engine: SwapEngine) => { main: (page: Page) => unknown };

async function render(version: Version, tabs = 1) {
  const engine = new SwapEngine(() => {});
  (engine as unknown as { current: unknown }).current = version(engine).main;
  const sessions: HeadlessSession[] = [];
  for (let i = 0; i < tabs; i++) sessions.push(await openSession(engine.main));
  opened.push({ engine, sessions });
  return { engine, s: sessions[0]!, sessions };
}

async function patch(engine: SwapEngine, version: Version, sessions?: HeadlessSession[]): Promise<SwapReport> {
  const report = await engine.swap(version(engine).main, { files: ["app.ts"] });
  for (const s of sessions ?? opened.find((o) => o.engine === engine)!.sessions) await s.settle();
  return report;
}

/** Registers a component as the transform does: `const <name> = component(fn)` at the top of the module. */
function reg<P>(engine: SwapEngine, name: string, fn: (props: P) => Control, signature?: string): Component<P> {
  return engine.registry.component(FILE, name, component(fn, name), undefined, signature);
}

/** Hello from React's tests: a counter in a colour. */
const hello = (color: string) =>
  function Hello() {
    const [val, setVal] = useState(0);
    return new Button({ text: `${color} ${val}`, key: "hello", onClick: () => setVal(val + 1) });
  };
const shown = (s: HeadlessSession, key = "hello") => s.find({ key }).text;
const clickHello = (s: HeadlessSession, key = "hello") => s.find({ key }).click();

describe("ReactFresh: preserving state", () => {
  it("ReactFresh: can preserve state for compatible types", async () => {
    const v1: Version = (e) => {
      const Hello = reg(e, "Hello", hello("blue"));
      return { main: (page) => page.render(Hello) };
    };
    const { engine, s } = await render(v1);
    expect(shown(s)).toBe("blue 0");
    await clickHello(s);
    expect(shown(s)).toBe("blue 1");
    await patch(engine, (e) => {
      const Hello = reg(e, "Hello", hello("red"));
      return { main: (page) => page.render(Hello) };
    });
    expect(shown(s)).toBe("red 1");
    await clickHello(s);
    expect(shown(s)).toBe("red 2");
    // A render with an incompatible type (another component in the slot) resets it.
    await patch(engine, (e) => {
      const Other = reg(e, "Other", hello("blue"));
      return { main: (page) => page.render(Other) };
    });
    expect(shown(s)).toBe("blue 0");
  });

  it("ReactFresh: can preserve state for forwardRef (weft: a wrapper component), and resets when the wrapper goes", async () => {
    const version =
      (color: string, wrapped = true): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color));
        const Outer = reg(e, "Outer", () => Hello({}));
        return { main: (page) => page.render(wrapped ? Outer : Hello) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s);
    await patch(engine, version("red"));
    expect(shown(s)).toBe("red 1");
    await clickHello(s);
    expect(shown(s)).toBe("red 2");
    await patch(engine, version("blue", false));
    expect(shown(s)).toBe("blue 0");
  });

  it("ReactFresh: should not consider two forwardRefs around the same type to be equivalent (weft: two components around one function)", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color));
        const renderInner = () => Hello({});
        const A = reg(e, "ForwardRefA", renderInner);
        const B = reg(e, "ForwardRefB", renderInner);
        const Parent = reg(e, "Parent", () => {
          const [cond, setCond] = useState(true);
          return new Column([cond ? A({}) : B({}), new Button({ text: "flip", key: "flip", onClick: () => setCond(!cond) })]);
        });
        return { main: (page) => page.render(Parent) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s);
    expect(shown(s)).toBe("blue 1");
    await s.find({ key: "flip" }).click();
    expect(shown(s)).toBe("blue 0"); // switching the inner types resets the state
    await clickHello(s);
    await patch(engine, version("red"));
    expect(shown(s)).toBe("red 1"); // the patch keeps it
    await s.find({ key: "flip" }).click();
    expect(shown(s)).toBe("red 0");
  });

  it("ReactFresh: can update forwardRef render function with its wrapper", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", ({ color: c }: { color: string }) => {
          const [val, setVal] = useState(0);
          return new Button({ text: `${c} ${val}`, key: "hello", onClick: () => setVal(val + 1) });
        });
        const Outer = reg(e, "Outer", () => Hello({ color }));
        return { main: (page) => page.render(Outer) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s);
    await patch(engine, version("red"));
    expect(shown(s)).toBe("red 1");
  });

  it("ReactFresh: can patch lazy before resolution (weft: an instance made after the patch renders the new code)", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color));
        return {
          main: (page) => {
            const holder = new Column({ key: "holder" });
            page.add(holder, new Button({ text: "load", key: "load", onClick: () => void holder.controls.push(Hello({})) }));
          },
        };
      };
    const { engine, s } = await render(version("blue"));
    await patch(engine, version("red"));
    await s.find({ key: "load" }).click();
    await s.settle();
    expect(shown(s)).toBe("red 0");
    await clickHello(s);
    await patch(engine, version("orange"));
    expect(shown(s)).toBe("orange 1");
  });

  it("ReactFresh: can patch both trees while suspense is displaying the fallback (weft: every instance, shown or not yet)", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", ({ label }: { label: string }) => {
          const [val, setVal] = useState(0);
          return new Button({ text: `${label} ${color} ${val}`, key: label, onClick: () => setVal(val + 1) });
        });
        return { main: (page) => page.add(Hello({ label: "content" }), Hello({ label: "fallback" })) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s, "content");
    await patch(engine, version("green"));
    expect([shown(s, "content"), shown(s, "fallback")]).toEqual(["content green 1", "fallback green 0"]);
    await clickHello(s, "fallback");
    await patch(engine, version("red"));
    expect([shown(s, "content"), shown(s, "fallback")]).toEqual(["content red 1", "fallback red 1"]);
  });

  it("ReactFresh: does not leak state between components", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        const Hello1 = reg(e, "Hello1", hello(color));
        const Hello2 = reg(e, "Hello2", hello(color));
        const App = reg(e, "App", () => {
          const [cond, setCond] = useState(false);
          return new Column([cond ? Hello1({}) : Hello2({}), new Button({ text: "flip", key: "flip", onClick: () => setCond(!cond) })]);
        });
        return { main: (page) => page.render(App) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s);
    await s.find({ key: "flip" }).click();
    expect(shown(s)).toBe("blue 0");
    await clickHello(s);
    await patch(engine, version("red"));
    expect(shown(s)).toBe("red 1");
    await s.find({ key: "flip" }).click();
    expect(shown(s)).toBe("red 0");
  });

  it("ReactFresh: remounts a component whose type changed in the same slot (Hello → Greeting)", async () => {
    const { engine, s } = await render((e) => {
      const Hello = reg(e, "Hello", hello("hello"));
      return { main: (page) => page.add(new Text({ value: "above", key: "above" }), Hello({})) };
    });
    await clickHello(s);
    expect(s.find({ type: "Hello" }).controlType).toBe("Hello");
    const report = await patch(engine, (e) => {
      const Greeting = reg(e, "Greeting", () => {
        const [n, setN] = useState(10);
        return new Button({ text: `greeting ${n}`, key: "hello", onClick: () => setN(n + 1) });
      });
      return { main: (page) => page.add(new Text({ value: "above", key: "above" }), Greeting({})) };
    });
    expect(s.findAll({ type: "Hello" })).toHaveLength(0);
    expect(s.find({ type: "Greeting" }).controlType).toBe("Greeting");
    expect(shown(s)).toBe("greeting 10");
    await clickHello(s);
    expect(shown(s)).toBe("greeting 11");
    expect(report).toMatchObject({ added: 1, removed: 1 });
  });

  it("ReactFresh: batches re-renders during a hot update (each instance renders once, after one trial call of the new function)", async () => {
    let helloRenders = 0;
    const version =
      (mark: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", ({ child }: { child?: Control }) => {
          helloRenders++;
          return new Row({ controls: [new Text({ value: mark }), ...(child ? [child] : [])] });
        });
        const App = reg(e, "App", () => Hello({ child: new Column([Hello({ child: Hello({}) }), Hello({ child: Hello({}) })]) }));
        return { main: (page) => page.render(App) };
      };
    const { engine, s } = await render(version("X"));
    expect(helloRenders).toBe(5);
    helloRenders = 0;
    await patch(engine, (e) => {
      // Only Hello is patched (App's module did not run again).
      reg(e, "Hello", ({ child }: { child?: Control }) => {
        helloRenders++;
        return new Row({ controls: [new Text({ value: "O" }), ...(child ? [child] : [])] });
      });
      return { main: (engine as unknown as { current: (page: Page) => unknown }).current };
    });
    // Five renders, and before them five trial calls: weft tries the new function on every
    // instance before it swaps, to refuse a save whose new render throws (see "failures").
    expect(helloRenders).toBe(10);
    expect(s.findAll({ type: "Text" }).map((t) => t.text)).toEqual(["O", "O", "O", "O", "O"]);
  });
});

describe("ReactFresh: signatures", () => {
  const signed =
    (color: string, signature: string | undefined): Version =>
    (e) => {
      const Hello = reg(e, "Hello", hello(color), signature);
      return { main: (page) => page.render(Hello) };
    };

  it("ReactFresh: can force remount by changing signature", async () => {
    const { engine, s } = await render(signed("blue", "1"));
    await clickHello(s);
    await patch(engine, signed("red", "1"));
    expect(shown(s)).toBe("red 1");
    const report = await patch(engine, signed("yellow", "2"));
    expect(shown(s)).toBe("yellow 0");
    expect(report.components).toEqual([expect.objectContaining({ name: "Hello", hooks: "reset" })]);
    await clickHello(s);
    await patch(engine, signed("purple", "2"));
    expect(shown(s)).toBe("purple 1");
    await patch(engine, signed("orange", ""));
    expect(shown(s)).toBe("orange 0"); // removing the signature remounts too
  });

  it("ReactFresh: keeps a valid tree when forcing remount (three instances, nested three ways)", async () => {
    const version =
      (color: string, signature: string): Version =>
      (e) => {
        const Hello = reg(
          e,
          "Hello",
          ({ child, n }: { child?: Control; n: number }) => {
            const [val] = useState(n);
            return new Column({ key: `section-${n}`, controls: [new Text({ value: `${color} ${val}` }), ...(child ? [child] : [])] });
          },
          signature,
        );
        return { main: (page) => page.add(new Row([Hello({ n: 1 }), new Column([Hello({ n: 2, child: Hello({ n: 3 }) })])])) };
      };
    const { engine, s } = await render(version("blue", "1"));
    const ids = () => [1, 2, 3].map((n) => s.find({ key: `section-${n}` }).id);
    const before = ids();
    await patch(engine, version("red", "1"));
    expect(ids()).toEqual(before);
    expect(s.findAll({ type: "Text" }).map((t) => t.text)).toEqual(["red 1", "red 2", "red 3"]);
    await patch(engine, version("orange", "2"));
    expect(s.findAll({ type: "Text" }).map((t) => t.text)).toEqual(["orange 1", "orange 2", "orange 3"]);
    expect(s.findAll({ type: "Hello" })).toHaveLength(3);
    await patch(engine, version("black", "2"));
    expect(s.findAll({ type: "Text" }).map((t) => t.text)).toEqual(["black 1", "black 2", "black 3"]);
  });

  it("ReactFresh: can remount on signature change within a wrapper, a class, a context provider and multiple siblings", async () => {
    const Theme = createContext("light");
    class Wrapper extends Column {}
    const version =
      (color: string, signature: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color), signature);
        const Reader = reg(e, "Reader", () => {
          const theme = useContext(Theme);
          return Hello({ theme } as never);
        });
        return {
          main: (page) =>
            page.add(new Wrapper([new Row([new Text({ value: "sibling" }), Theme.Provider({ value: "dark", child: new Column([Reader({})]) }), new Text({ value: "sibling" })])])),
        };
      };
    const { engine, s } = await render(version("blue", "1"));
    await clickHello(s);
    await patch(engine, version("red", "1"));
    expect(shown(s)).toBe("red 1");
    await patch(engine, version("yellow", "2"));
    expect(shown(s)).toBe("yellow 0");
    await clickHello(s);
    await patch(engine, version("purple", "2"));
    expect(shown(s)).toBe("purple 1");
  });

  it("ReactFresh: resets hooks with dependencies on hot reload (memos recompute, effects run again, state stays)", async () => {
    let effectRuns = 0;
    const version =
      (factor: number, step: number): Version =>
      (e) => {
        const Hello = reg(e, "Hello", () => {
          const [val, setVal] = useState(0);
          const transformed = useMemo(() => val * factor, [val]);
          const handleClick = useCallback(() => setVal((v) => v + step), []);
          useEffect(() => void effectRuns++, []);
          return new Button({ text: String(transformed), key: "hello", onClick: handleClick });
        });
        return { main: (page) => page.render(Hello) };
      };
    const { engine, s } = await render(version(2, 1));
    await s.settle();
    expect(effectRuns).toBe(1);
    await clickHello(s);
    expect(shown(s)).toBe("2");
    expect(effectRuns).toBe(1);
    await patch(engine, version(10, -1));
    expect(shown(s)).toBe("10"); // the memo was evicted
    expect(effectRuns).toBe(2); // the effect ran again
    await clickHello(s); // the new callback
    expect(shown(s)).toBe("0");
    expect(effectRuns).toBe(2);
  });

  it("ReactFresh: does not get into infinite loops during render phase updates", async () => {
    const version =
      (value: number, color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", () => {
          const source = useMemo(() => ({ value }), []);
          const [state, setState] = useState<{ value: number | null }>({ value: null });
          if (state !== source) setState(source);
          return new Text({ value: `${color} ${state.value}`, key: "hello" });
        });
        return { main: (page) => page.render(Hello) };
      };
    const { engine, s } = await render(version(10, "blue"));
    await s.settle();
    expect(shown(s)).toBe("blue 10");
    await patch(engine, version(20, "red"));
    await s.settle();
    expect(shown(s)).toBe("red 20");
  });
});

describe("ReactFresh: failures", () => {
  const version =
    (body: () => Control): Version =>
    (e) => {
      const Hello = reg(e, "Hello", body);
      return { main: (page) => page.add(new Text({ value: "A", key: "a" }), Hello({}), new Text({ value: "B", key: "b" })) };
    };
  const hi = (text: string) => () => new Text({ value: text, key: "h1" });
  const boom = (message: string) => () => {
    throw new Error(message);
  };

  it("ReactFresh: remounts failed error boundaries (weft: a component whose new render throws is refused; the fix is taken)", async () => {
    const { engine, s } = await render(version(hi("Hi")));
    const a = s.find({ key: "a" }).id;
    const failed = engine.swap(version(boom("No"))(engine).main, { files: ["app.ts"] });
    await expect(failed).rejects.toBeInstanceOf(SwapBuildError);
    await expect(failed).rejects.toMatchObject({ doing: "rendering Hello", message: expect.stringContaining("No") });
    engine.discard();
    expect(s.find({ key: "h1" }).text).toBe("Hi"); // the old code keeps serving
    await patch(engine, version(hi("Fixed!")));
    expect(s.find({ key: "h1" }).text).toBe("Fixed!");
    expect(s.find({ key: "a" }).id).toBe(a);
    const node = s.find({ key: "h1" }).id;
    await patch(engine, version(hi("Nice.")));
    expect(s.find({ key: "h1" }).id).toBe(node);
    expect(s.find({ key: "h1" }).text).toBe("Nice.");
  });

  it("ReactFresh: remounts error boundaries that failed asynchronously after hot update (weft: the next edit remounts a component whose render threw)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const first: Version = (e) => {
      const Hello = reg(e, "Hello", () => {
        const [x] = useState<unknown>("");
        useEffect(() => {}, []);
        (x as string).slice();
        return new Text({ value: "Hi", key: "h1" });
      });
      return { main: (page) => page.render(Hello) };
    };
    const { engine, s } = await render(first);
    let breakIt!: () => void;
    await patch(engine, (e) => {
      const Hello = reg(e, "Hello", () => {
        const [x, setX] = useState<unknown>("");
        useEffect(() => {
          breakIt = () => setX(42); // crashes the next render
        }, []);
        (x as string).slice();
        return new Text({ value: "Hi", key: "h1" });
      });
      return { main: (page) => page.render(Hello) };
    });
    breakIt();
    await s.settle();
    expect(s.messages.some((m) => m.direction === "out" && JSON.stringify(m.message).includes("x.slice is not a function"))).toBe(true);
    const report = await patch(engine, (e) => {
      const Hello = reg(e, "Hello", () => {
        const [x] = useState<unknown>("");
        useEffect(() => {}, []);
        (x as string).slice();
        return new Text({ value: "Fixed!", key: "h1" });
      });
      return { main: (page) => page.render(Hello) };
    });
    expect(s.find({ key: "h1" }).text).toBe("Fixed!"); // its bad state (42) is gone
    expect(report.components).toEqual([expect.objectContaining({ name: "Hello", hooks: "reset", reason: expect.stringContaining("last render threw") })]);
  });

  it("ReactFresh: remounts a failed root on mount", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { engine, s } = await render(version(boom("No")));
    expect(s.findAll({ key: "h1" })).toHaveLength(0);
    await expect(engine.swap(version(boom("Not yet"))(engine).main, { files: ["app.ts"] })).rejects.toBeInstanceOf(SwapBuildError);
    engine.discard();
    await patch(engine, version(hi("Fixed!")));
    expect(s.find({ key: "h1" }).text).toBe("Fixed!");
  });

  it("ReactFresh: remounts a failed root on update (a bad retry is refused too; failing and recovering again works)", async () => {
    const { engine, s } = await render(version(hi("Hi")));
    for (const message of ["No", "Not yet"]) {
      await expect(engine.swap(version(boom(message))(engine).main, { files: ["app.ts"] })).rejects.toBeInstanceOf(SwapBuildError);
      engine.discard();
      expect(s.find({ key: "h1" }).text).toBe("Hi");
    }
    await patch(engine, version(hi("Fixed!")));
    await patch(engine, version(hi("Nice.")));
    expect(s.find({ key: "h1" }).text).toBe("Nice.");
    await expect(engine.swap(version(boom("Oops"))(engine).main, { files: ["app.ts"] })).rejects.toBeInstanceOf(SwapBuildError);
    engine.discard();
    await patch(engine, version(hi("At last.")));
    expect(s.find({ key: "h1" }).text).toBe("At last.");
  });

  it("ReactFresh: does not retry an intentionally unmounted failed root (weft: a closed session is left alone)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { engine, s } = await render(version(boom("No")));
    s.close();
    const from = s.messages.length;
    const report = await engine.swap(version(hi("Fixed!"))(engine).main, { files: ["app.ts"] });
    expect(report.sessions).toEqual({ kept: 0, restarted: 0 });
    expect(s.messages.length).toBe(from);
  });

  it("ReactFresh: regression test: does not get into an infinite loop (weft: a throw for one session refuses the save for all)", async () => {
    const rootVersion =
      (text: (id: string) => string): Version =>
      (e) => {
        const Root = reg(e, "Root", ({ id }: { id: string }) => new Text({ value: text(id), key: "h1" }));
        return { main: (page) => page.render(Root, { id: page.session.get("id") as string }) };
      };
    const engine = new SwapEngine(() => {});
    (engine as unknown as { current: unknown }).current = rootVersion((id) => `${id}1`)(engine).main;
    const a = await openSession((page) => (page.session.set("id", "A"), engine.main(page)));
    const b = await openSession((page) => (page.session.set("id", "B"), engine.main(page)));
    opened.push({ engine, sessions: [a, b] });
    const failing = rootVersion((id) => {
      if (id === "A") throw new Error("A2!");
      return `${id}2`;
    });
    await expect(engine.swap(failing(engine).main, { files: ["app.ts"] })).rejects.toThrow(/A2!/);
    engine.discard();
    // React unmounts the failing root and updates the other; weft refuses the whole save (an
    // exception while the new code builds keeps the old code serving), so both still show v1.
    expect([a.find({ key: "h1" }).text, b.find({ key: "h1" }).text]).toEqual(["A1", "B1"]);
    await patch(engine, rootVersion((id) => `${id}4`), [a, b]);
    expect([a.find({ key: "h1" }).text, b.find({ key: "h1" }).text]).toEqual(["A4", "B4"]);
  });
});

describe("ReactFresh: classes and many roots", () => {
  it("ReactFresh: remounts classes on every edit (weft keeps class instances, as Flutter does, and runs their new methods)", async () => {
    const module = (color: string) => {
      class Hello extends Button {
        count = 0;
        constructor() {
          super({ text: `${color} 0`, key: "hello", onClick: () => this.handleClick() });
        }
        handleClick() {
          this.count++;
          this.text = `${color} ${this.count}`;
        }
      }
      return Hello;
    };
    const version =
      (color: string): Version =>
      (e) => {
        const Hello = module(color);
        e.registry.registerModule(FILE, { Hello });
        return { main: (page) => page.add(new Hello()) };
      };
    const { engine, s } = await render(version("blue"));
    await clickHello(s);
    const report = await patch(engine, version("red"));
    expect(shown(s)).toBe("blue 1"); // changed at runtime: kept (the instance and its field too)
    await clickHello(s);
    expect(shown(s)).toBe("red 2"); // the new method
    expect(report.classes).toEqual(["app.ts: Hello"]);
  });

  it("ReactFresh: updates refs when remounting (weft: a reference held to an instance calls the new method)", async () => {
    const version =
      (color: string): Version =>
      (e) => {
        class Hello extends Text {
          getColor() {
            return color;
          }
        }
        e.registry.registerModule(FILE, { Hello });
        return { main: (page) => page.add(new Hello({ value: "x", key: "hello" })) };
      };
    const { engine, s } = await render(version("green"));
    const ref = s.page.controls[0] as unknown as { getColor(): string };
    expect(ref.getColor()).toBe("green");
    await patch(engine, version("orange"));
    expect(ref.getColor()).toBe("orange");
    expect(s.page.controls[0]).toBe(ref);
  });

  it("ReactFresh: can update multiple roots independently (weft: every session; a patch before any session opens is what they open with)", async () => {
    const helloVersion =
      (color: string): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color));
        return { main: (page) => page.render(Hello) };
      };
    const engine = new SwapEngine(() => {});
    (engine as unknown as { current: unknown }).current = helloVersion("blue")(engine).main;
    await engine.swap(helloVersion("red")(engine).main, { files: ["app.ts"] }); // before any session
    const sessions = [await openSession(engine.main), await openSession(engine.main), await openSession(engine.main)];
    opened.push({ engine, sessions });
    expect(sessions.map((s) => shown(s))).toEqual(["red 0", "red 0", "red 0"]);
    for (const s of sessions) await clickHello(s);
    const report = await patch(engine, helloVersion("green"));
    expect(sessions.map((s) => shown(s))).toEqual(["green 1", "green 1", "green 1"]);
    expect(report.components).toEqual([{ name: "Hello", instances: 3, hooks: "kept" }]);
  });

  it("ReactFresh: reports updated and remounted families to the caller", async () => {
    const version =
      (color: string, extraHook: boolean): Version =>
      (e) => {
        const Hello = reg(e, "Hello", hello(color), "useState{[val, setVal](0)}");
        const Counter = reg(
          e,
          "Counter",
          () => {
            const [n] = useState(0);
            if (extraHook) useState(1);
            return new Text({ value: String(n) });
          },
          extraHook ? "useState{[n](0)}\nuseState{(1)}" : "useState{[n](0)}",
        );
        return { main: (page) => page.add(Hello({}), Counter({})) };
      };
    const { engine } = await render(version("blue", false));
    const report = await patch(engine, version("red", true));
    expect(report.components).toEqual([
      { name: "Hello", instances: 1, hooks: "kept" },
      { name: "Counter", instances: 1, hooks: "reset", reason: "its hooks changed: `useState{(1)}` is new" },
    ]);
  });
});
