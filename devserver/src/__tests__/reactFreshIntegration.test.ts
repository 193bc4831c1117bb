import { afterEach, describe, expect, it, vi } from "vitest";
import { closeSwapApps, startSwapApp, type SwapApp } from "./swapApp.ts";

/**
 * React Refresh's integration suite (packages/react-refresh/src/__tests__/ReactFreshIntegration-test.js)
 * translated into weft apps: each source goes through the devserver's transform and Vite's
 * module runner, and each edit is a save swapped into a live headless session. Where React
 * checks that the DOM node is the same (state kept), these check the state itself: weft's tree
 * diff keeps a node whose control stays, remounted or not.
 */
let app: SwapApp | undefined;
// Each test starts a real weft dev (Vite, its watcher, the module runner): seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });
afterEach(async () => {
  await closeSwapApps();
  delete (globalThis as { FakeModuleSystem?: unknown }).FakeModuleSystem;
});

const IMPORTS = 'import { component, useState, useEffect, Text, Button, Column, Row, type Page } from "weft";';
const renderApp = (name = "App") => `export default function main(page: Page) {\n  page.render(${name});\n}\n`;
const text = () => app!.tab.find({ key: "h1" }).text;
const click = () => app!.tab.find({ key: "inc" }).click();

async function start(source: string) {
  app = await startSwapApp({ "app.ts": source });
}
async function patch(source: string) {
  return app!.swap({ "app.ts": source });
}

describe("ReactFreshIntegration: what is reloaded", () => {
  it("ReactFreshIntegration: reloads function declarations", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
const Parent = component(function Parent() { return Child({ prop: "${letter}" }); });
const Child = component(function Child({ prop }: { prop: string }) { return new Text({ value: prop + "${n}", key: "h1" }); });
${renderApp("Parent")}`;
    await start(version("A", 1));
    const id = app!.tab.find({ key: "h1" }).id;
    expect(text()).toBe("A1");
    await patch(version("B", 2));
    expect(app!.tab.find({ key: "h1" }).id).toBe(id);
    expect(text()).toBe("B2");
  });

  it("ReactFreshIntegration: reloads arrow functions", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
const Parent = component(() => Child({ prop: "${letter}" }));
const Child = component(({ prop }: { prop: string }) => new Text({ value: prop + "${n}", key: "h1" }));
${renderApp("Parent")}`;
    await start(version("A", 1));
    const id = app!.tab.find({ key: "h1" }).id;
    await patch(version("B", 2));
    expect(app!.tab.find({ key: "h1" }).id).toBe(id);
    expect(text()).toBe("B2");
  });

  it("ReactFreshIntegration: reloads a combination of memo and forwardRef (weft: components wrapped twice by a HOC)", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
const wrap = <P,>(Inner: (p: P) => any) => component((p: P) => Inner(p));
const Parent = wrap(wrap(component(() => Child({ prop: "${letter}" }))));
const Child = wrap(component(({ prop }: { prop: string }) => {
  const [clicks, setClicks] = useState(0);
  return new Row([new Text({ value: prop + "${n}" + " " + clicks, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setClicks(clicks + 1) })]);
}));
${renderApp("Parent")}`;
    await start(version("A", 1));
    await click();
    expect(text()).toBe("A1 1");
    await patch(version("B", 2));
    expect(text()).toBe("B2 1");
  });

  it("ReactFreshIntegration: reloads HOCs if they return functions", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
function hoc(letter: string) {
  return component(() => {
    const [clicks, setClicks] = useState(0);
    return new Row([new Text({ value: letter + "${n}" + " " + clicks, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setClicks(clicks + 1) })]);
  });
}
export default function main(page: Page) {
  page.render(Child);
}
const Child = hoc("${letter}");
`;
    await start(version("A", 1));
    await click();
    expect(text()).toBe("A1 1");
    const report = await patch(version("B", 2));
    expect(text()).toBe("B2 1");
    expect(report.components).toEqual([{ name: "Child", instances: 1, hooks: "kept" }]);
  });

  it("ReactFreshIntegration (TypeScript): reloads component exported in typescript namespace", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
namespace Foo {
  export namespace Bar {
    export const Child = component(({ prop }: { prop: string }) => {
      const [clicks, setClicks] = useState(0);
      return new Row([new Text({ value: prop + "${n}" + " " + clicks, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setClicks(clicks + 1) })]);
    });
  }
}
const Parent = component(() => Foo.Bar.Child({ prop: "${letter}" }));
${renderApp("Parent")}`;
    await start(version("A", 1));
    await click();
    await patch(version("B", 2));
    expect(text()).toBe("B2 1");
  });

  it("ReactFreshIntegration: does not lose the inferred arrow names", async () => {
    await start(`${IMPORTS}
const Parent = component(() => Child({}));
const Child = component(() => new Text({ value: \`\${Parent.displayName} \${Child.displayName}\`, key: "h1" }));
${renderApp("Parent")}`);
    expect(text()).toBe("Parent Child");
    expect(app!.tab.find({ type: "Child" }).controlType).toBe("Child");
  });

  it("ReactFreshIntegration: does not lose the inferred function names", async () => {
    await start(`${IMPORTS}
var Parent = component(function () { return Child({}); });
var Child = component(function () { return new Text({ value: \`\${Parent.displayName} \${Child.displayName}\`, key: "h1" }); });
${renderApp("Parent")}`);
    expect(text()).toBe("Parent Child");
  });
});

describe("ReactFreshIntegration: when state resets", () => {
  const counter = (letter: string, stateLine: string, shown: string) => `${IMPORTS}
const S = ${letter === "A" ? 1 : letter === "B" ? 2 : 3};
const App = component(() => {
  ${stateLine}
  return new Text({ value: "${letter}" + ${shown}, key: "h1" });
});
${renderApp()}`;

  it("ReactFreshIntegration: resets state when renaming a state variable", async () => {
    await start(counter("A", "const [foo, setFoo] = useState(S);", "foo"));
    expect(text()).toBe("A1");
    await patch(counter("B", "const [foo, setFoo] = useState(S);", "foo"));
    expect(text()).toBe("B1"); // same state variable: kept
    const report = await patch(counter("C", "const [bar, setBar] = useState(S);", "bar"));
    expect(text()).toBe("C3"); // renamed: new state
    expect(report.components).toEqual([expect.objectContaining({ name: "App", hooks: "reset", reason: expect.stringContaining("`useState{[foo, setFoo](S)}` is `useState{[bar, setBar](S)}` now") })]);
  });

  it("ReactFreshIntegration: resets state when useState initial state is edited", async () => {
    const version = (letter: string, initial: number) => `${IMPORTS}
const App = component(() => {
  const [foo, setFoo] = useState(${initial});
  return new Text({ value: "${letter}" + foo, key: "h1" });
});
${renderApp()}`;
    await start(version("A", 1));
    await patch(version("B", 1));
    expect(text()).toBe("B1");
    await patch(version("C", 2));
    expect(text()).toBe("C2");
  });

  const hocApp = (letter: string, n: number, stateName: string) => `${IMPORTS}
const S = ${n};
function hoc(Wrapped: (p: { value: number }) => any) {
  return component(function Generated() {
    const [${stateName}, set] = useState(S);
    return Wrapped({ value: ${stateName} });
  });
}
export default function main(page: Page) { page.render(Wrapped); }
const Wrapped = hoc(({ value }) => new Text({ value: "${letter}" + value, key: "h1" }));
`;

  it("ReactFreshIntegration: resets state when renaming a state variable in a HOC", async () => {
    await start(hocApp("A", 1, "foo"));
    expect(text()).toBe("A1");
    await patch(hocApp("B", 2, "foo"));
    expect(text()).toBe("B1");
    await patch(hocApp("C", 3, "bar"));
    expect(text()).toBe("C3");
  });

  it("ReactFreshIntegration: resets state when renaming a state variable in a HOC with indirection", async () => {
    const version = (letter: string, n: number, stateName: string) => `${IMPORTS}
const S = ${n};
function hoc(Wrapped: (p: { value: number }) => any) {
  return component(function Generated() {
    const [${stateName}, set] = useState(S);
    return Wrapped({ value: ${stateName} });
  });
}
function Indirection({ value }: { value: number }) {
  return new Text({ value: "${letter}" + value, key: "h1" });
}
const App = hoc(Indirection);
${renderApp()}`;
    await start(version("A", 1, "foo"));
    await patch(version("B", 2, "foo"));
    expect(text()).toBe("B1");
    await patch(version("C", 3, "bar"));
    expect(text()).toBe("C3");
  });

  it("ReactFreshIntegration: resets state when renaming a state variable inside a HOC with direct call", async () => {
    const version = (letter: string, n: number, name: string) =>
      `${IMPORTS}
const S = ${n};
function hocWithDirectCall(Wrapped: () => any) {
  return component(function Generated() { return Wrapped(); });
}
const App = hocWithDirectCall(() => {
  const [${name}, set] = useState(S);
  return new Text({ value: "${letter}" + ${name}, key: "h1" });
});
${renderApp()}`;
    await start(version("A", 1, "foo"));
    expect(text()).toBe("A1");
    await patch(version("B", 2, "foo"));
    expect(text()).toBe("B1");
    await patch(version("C", 3, "bar"));
    expect(text()).toBe("C3");
  });

  it("ReactFreshIntegration: does not crash when changing Hook order inside a HOC with direct call", async () => {
    const version = (letter: string, effects: number) =>
      `${IMPORTS}
function hocWithDirectCall(Wrapped: () => any) {
  return component(function Generated() { return Wrapped(); });
}
const App = hocWithDirectCall(() => {
  ${"useEffect(() => {}, []);\n  ".repeat(effects)}return new Text({ value: "${letter}", key: "h1" });
});
${renderApp()}`;
    await start(version("A", 1));
    const report = await patch(version("B", 2));
    expect(text()).toBe("B");
    expect(report.components).toEqual([expect.objectContaining({ name: "Generated", hooks: "reset" })]);
  });

  it("ReactFreshIntegration: does not crash when changing Hook order inside a HOC returning an object", async () => {
    const version = (letter: string, effects: number) =>
      `${IMPORTS}
function hocWithDirectCall<T>(Wrapped: T) {
  return { Wrapped };
}
const App = hocWithDirectCall(component(() => {
  ${"useEffect(() => {}, []);\n  ".repeat(effects)}return new Text({ value: "${letter}", key: "h1" });
})).Wrapped;
${renderApp()}`;
    await start(version("A", 1));
    const report = await patch(version("B", 2));
    expect(text()).toBe("B");
    expect(report.components).toEqual([expect.objectContaining({ name: "App", hooks: "reset" })]);
  });

  it("ReactFreshIntegration: resets effects while preserving state", async () => {
    const log: string[] = [];
    const version = (letter: string, effect: string) => `${IMPORTS}
const App = component(() => {
  const [value, setValue] = useState(0);
  ${effect}
  return new Row([new Text({ value: "${letter}" + value, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setValue(value + 1) })]);
});
${renderApp()}`;
    const effect = (tag: string, setOne: boolean) =>
      `useEffect(() => { (globalThis as any).__log.push("${tag} mount");${setOne ? " setValue(1);" : ""} return () => void (globalThis as any).__log.push("${tag} unmount"); }, []);`;
    (globalThis as { __log?: string[] }).__log = log;
    await start(version("A", ""));
    expect(text()).toBe("A0");
    // An effect added: the hooks changed, so the component starts afresh.
    await patch(version("B", effect("B", true)));
    expect(text()).toBe("B1");
    expect(log).toEqual(["B mount"]);
    // The same hooks: state kept, the effect runs again with the new code.
    await patch(version("C", effect("C", false)));
    expect(text()).toBe("C1");
    expect(log).toEqual(["B mount", "B unmount", "C mount"]);
    // The effect removed: starts afresh.
    await patch(version("D", ""));
    expect(text()).toBe("D0");
    expect(log).toEqual(["B mount", "B unmount", "C mount", "C unmount"]);
  });

  it("ReactFreshIntegration: does not get confused when custom hooks are reordered", async () => {
    const version = (letter: string, first: "x" | "y") => `${IMPORTS}
function useFancyState(initial: string) {
  return useState(initial);
}
const App = component(() => {
  ${first === "x" ? 'const [x, setX] = useFancyState("X");\n  const [y, setY] = useFancyState("Y");' : 'const [y, setY] = useFancyState("Y");\n  const [x, setX] = useFancyState("X");'}
  return new Row([
    new Text({ value: "${letter}" + x + y, key: "h1" }),
    new Button({ text: "+", key: "inc", onClick: () => { setX(x + "!"); } }),
  ]);
});
${renderApp()}`;
    await start(version("A", "x"));
    await click();
    expect(text()).toBe("AX!Y");
    await patch(version("B", "x"));
    expect(text()).toBe("BX!Y"); // same state variables: kept
    await patch(version("B", "y"));
    expect(text()).toBe("BXY"); // reordered: afresh, never x's state in y
  });

  it("ReactFreshIntegration: does not get confused when component is called early", async () => {
    const version = (letter: string, first: "x" | "y") => `${IMPORTS}
function useFancyState(initial: string) {
  return useState(initial);
}
const App = component(() => {
  ${first === "x" ? 'const [x, setX] = useFancyState("X");\n  const [y, setY] = useFancyState("Y");' : 'const [y, setY] = useFancyState("Y");\n  const [x, setX] = useFancyState("X");'}
  return new Row([new Text({ value: "${letter}" + x + y, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setX(x + "!") })]);
});
App({}); // a control built when the module loads: harmless, no reason to restart
${renderApp()}`;
    await start(version("A", "x"));
    await click();
    const kept = await patch(version("B", "x"));
    expect(kept.outcome).toBe("swapped");
    expect(text()).toBe("BX!Y");
    await patch(version("B", "y"));
    expect(text()).toBe("BXY");
  });

  it("ReactFreshIntegration: does not get confused by Hooks defined inline", async () => {
    const version = (letter: string, n: number) => `${IMPORTS}
const App = component(() => {
  const useFancyState = (initial: string) => useState(initial);
  const [x, setX] = useFancyState("X${n}");
  const [y, setY] = useFancyState("Y${n}");
  return new Text({ value: "${letter}" + x + y, key: "h1" });
});
${renderApp()}`;
    await start(version("A", 1));
    expect(text()).toBe("AX1Y1");
    const report = await patch(version("B", 2));
    // Remounted although nothing changed: nobody can tell whether a hook defined inside changed.
    expect(text()).toBe("BX2Y2");
    expect(report.components).toEqual([expect.objectContaining({ name: "App", hooks: "reset", reason: expect.stringContaining("cannot be looked up") })]);
  });

  it("ReactFreshIntegration: remounts component if custom hook it uses changes order", async () => {
    const version = (letter: string, indirectionInitial: boolean, effect: boolean) => `${IMPORTS}
const App = component(() => {
  const [x, setX] = useFancyState("X");
  const [y, setY] = useFancyState("Y");
  return new Row([new Text({ value: "${letter}" + x + y, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setX(x + "!") })]);
});
const useFancyState = (initialState: string) => {
  const result = useIndirection(${indirectionInitial ? "initialState" : ""});
  return result;
};
function useIndirection(initialState?: string) {
  ${effect ? "useEffect(() => {});" : ""}
  return useState(initialState ?? "");
}
${renderApp()}`;
    await start(version("A", true, false));
    await click();
    expect(text()).toBe("AX!Y");
    await patch(version("B", false, false));
    expect(text()).toBe("BX!Y"); // only the header (and an argument of a custom hook): kept
    await patch(version("C", true, true));
    expect(text()).toBe("CXY"); // useIndirection added an effect: afresh
    await click();
    await patch(version("D", false, true));
    expect(text()).toBe("DX!Y");
  });

  it("ReactFreshIntegration: resets state on every edit with @refresh reset annotation", async () => {
    const version = (letter: string, n: number, annotation = "") => `${IMPORTS}
const S = ${n};
${annotation}
const App = component(() => {
  const [foo, setFoo] = useState(S);
  return new Text({ value: "${letter}" + foo, key: "h1" });
});
${renderApp()}`;
    await start(version("A", 1));
    await patch(version("B", 2));
    expect(text()).toBe("B1");
    await patch(version("C", 3, "/* @refresh reset */"));
    expect(text()).toBe("C3");
    await patch(version("D", 4, "// @refresh reset"));
    expect(text()).toBe("D4");
    await patch(version("E", 5));
    expect(text()).toBe("E4"); // no annotation anymore: kept
    await patch(version("F", 6));
    expect(text()).toBe("F4");
    await patch(version("G", 7, "/* @refresh reset */"));
    expect(text()).toBe("G7");
  });
});

describe("ReactFreshIntegration: what the export is", () => {
  const clicker = (letter: string) =>
    `const [clicks, setClicks] = useState(0);\n  return new Row([new Text({ value: "${letter}" + " " + clicks, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setClicks(clicks + 1) })]);`;

  it("ReactFreshIntegration: remounts when wrapping export in a HOC", async () => {
    const plain = (letter: string) => `${IMPORTS}
const App = component(() => {
  ${clicker(letter)}
});
${renderApp()}`;
    const wrapped = (letter: string) => `${IMPORTS}
function hoc(Inner: (p: {}) => any) {
  return component(function Wrapper(p: {}) { return new Column([Inner(p)]); });
}
const Inner = component(() => {
  ${clicker(letter)}
});
const App = hoc(Inner);
${renderApp()}`;
    await start(plain("A1"));
    await click();
    await patch(plain("A2"));
    expect(text()).toBe("A2 1"); // kept
    await patch(wrapped("B1"));
    expect(text()).toBe("B1 0"); // wrapped in a HOC: another component stands there now
    expect(app!.tab.find({ type: "Wrapper" }).controlType).toBe("Wrapper");
    await click();
    await patch(wrapped("B2"));
    expect(text()).toBe("B2 1"); // kept
    await patch(plain("C1"));
    expect(text()).toBe("C1 0"); // unwrapped
    await click();
    await patch(plain("C2"));
    expect(text()).toBe("C2 1");
  });

  it("ReactFreshIntegration: switches memo to forwardRef with different inner (weft: the export switches to other HOCs)", async () => {
    const version = (wrapper: string, inner: string, letter: string) => `${IMPORTS}
const ${wrapper} = <P,>(Inner: (p: P) => any) => component(function ${wrapper}Result(p: P) { return Inner(p); });
const ${inner} = component(() => {
  ${clicker(letter)}
});
const App = ${wrapper === "none" ? inner : `${wrapper}(${inner})`};
${renderApp()}`.replace(`const none = <P,>(Inner: (p: P) => any) => component(function noneResult(p: P) { return Inner(p); });\n`, "");
    await start(version("none", "Child", "A1"));
    await click();
    for (const [wrapper, inner, letter] of [["memo", "Child2", "A2"], ["forwardRef", "Child3", "A3"], ["memo", "Child4", "A4"], ["none", "Child5", "A5"]] as const) {
      await patch(version(wrapper, inner, letter));
      expect(text(), `${wrapper}(${inner})`).toBe(`${letter} 0`);
      await click();
    }
  });

  it("ReactFreshIntegration: remounts when switching export from function to class (weft: a component and a control class)", async () => {
    const asComponent = (letter: string) => `${IMPORTS}
const App = component(() => {
  ${clicker(letter)}
});
export default function main(page: Page) { page.controls = [App({})]; }
`;
    const asClass = (letter: string) => `${IMPORTS}
class App extends Row {
  clicks = 0;
  readonly label = new Text({ value: "${letter} 0", key: "h1" });
  constructor() {
    super();
    this.controls = [this.label, new Button({ text: "+", key: "inc", onClick: () => this.add() })];
  }
  add() {
    this.clicks++;
    this.label.value = "${letter} " + this.clicks;
  }
}
export default function main(page: Page) { page.controls = [new App()]; }
`;
    await start(asComponent("A1"));
    await click();
    await patch(asComponent("A2"));
    expect(text()).toBe("A2 1");
    await patch(asClass("B1"));
    expect(text()).toBe("B1 0"); // function → class: another kind stands there
    await click();
    await patch(asClass("B2"));
    // React remounts classes on every edit; weft keeps their instances (Flutter's model): the
    // label's value was changed at runtime, so it stays, and the new method runs on the next click.
    expect(text()).toBe("B1 1");
    await click();
    expect(text()).toBe("B2 2");
    await patch(asComponent("C1"));
    expect(text()).toBe("C1 0"); // class → function
    await click();
    await patch(asComponent("C2"));
    expect(text()).toBe("C2 1");
  });
});

describe("ReactFreshIntegration: with inline requires (weft: hooks reached through an object)", () => {
  const version = (letter: string, fancyBody: string, preamble = "const FakeModuleSystem = (globalThis as any).FakeModuleSystem ??= {};", lookup = "") => `${IMPORTS}
${preamble}
FakeModuleSystem.useFancyState = function (initialState: string) {
  ${fancyBody}
};
const App = component(() => {
  ${lookup}
  const [x, setX] = FakeModuleSystem.useFancyState("X");
  const [y, setY] = FakeModuleSystem.useFancyState("Y");
  return new Row([new Text({ value: "${letter}" + x + y, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setX(x + "!") })]);
});
${renderApp()}`;
  const plain = "return useState(initialState);";
  const withEffect = "useEffect(() => {});\n  return useState(initialState);";

  it("ReactFreshIntegration: remounts component if custom hook it uses changes order on first edit", async () => {
    await start(version("A", plain));
    await click();
    await patch(version("B", withEffect));
    expect(text()).toBe("BXY"); // the hook added an effect: afresh
    await click();
    await patch(version("C", withEffect));
    expect(text()).toBe("CX!Y"); // only the header: kept
  });

  it("ReactFreshIntegration: remounts component if custom hook it uses changes order on second edit", async () => {
    await start(version("A", plain));
    await click();
    await patch(version("B", plain));
    expect(text()).toBe("BX!Y");
    await patch(version("C", withEffect));
    expect(text()).toBe("CXY");
    await click();
    await patch(version("D", withEffect));
    expect(text()).toBe("DX!Y");
  });

  it("ReactFreshIntegration: recovers if evaluating Hook list throws", async () => {
    const preamble = "let FakeModuleSystem: any = null;\nconst shared = ((globalThis as any).FakeModuleSystem ??= {});";
    const lookup = "FakeModuleSystem = (globalThis as any).FakeModuleSystem;";
    const throwing = (letter: string, body: string) => version(letter, body, preamble, lookup).replace("FakeModuleSystem.useFancyState = function", "shared.useFancyState = function");
    await start(throwing("A", plain));
    await click();
    await patch(throwing("B", withEffect));
    expect(text()).toBe("BXY"); // its hooks could not be read when the module loaded: afresh
  });

  it("ReactFreshIntegration: remounts component if custom hook it uses changes order behind an indirection", async () => {
    const indirect = (letter: string, effect: boolean) => `${IMPORTS}
const FakeModuleSystem = (globalThis as any).FakeModuleSystem ??= {};
FakeModuleSystem.useFancyState = function (initialState: string) { return FakeModuleSystem.useIndirection(initialState); };
FakeModuleSystem.useIndirection = function (initialState: string) { return FakeModuleSystem.useOtherIndirection(initialState); };
FakeModuleSystem.useOtherIndirection = function (initialState: string) {
  ${effect ? "useEffect(() => {});" : ""}
  return useState(initialState);
};
const App = component(() => {
  const [x, setX] = FakeModuleSystem.useFancyState("X");
  const [y, setY] = FakeModuleSystem.useFancyState("Y");
  return new Row([new Text({ value: "${letter}" + x + y, key: "h1" }), new Button({ text: "+", key: "inc", onClick: () => setX(x + "!") })]);
});
${renderApp()}`;
    await start(indirect("A", false));
    await click();
    await patch(indirect("B", true));
    expect(text()).toBe("BXY");
    await click();
    await patch(indirect("C", true));
    expect(text()).toBe("CX!Y");
  });
});

describe("ReactFresh, where modules matter", () => {
  it("ReactFresh: does not re-render ancestor components unnecessarily during a hot update", async () => {
    const hello = (color: string) => `import { component, useState, Button } from "weft";
export const Hello = component(() => {
  const [val, setVal] = useState(0);
  return new Button({ text: "${color} " + val, key: "inc" });
});
`;
    app = await startSwapApp({
      "app.ts": `${IMPORTS}
import { Hello } from "./hello.ts";
const App = component(() => {
  ((globalThis as any).__appRenders = ((globalThis as any).__appRenders ?? 0) + 1);
  return new Column([Hello({})]);
});
${renderApp()}`,
      "hello.ts": hello("blue"),
    });
    const renders = () => (globalThis as { __appRenders?: number }).__appRenders;
    expect(renders()).toBe(1);
    const report = await app.swap({ "hello.ts": hello("red") });
    expect(app.tab.find({ key: "inc" }).text).toBe("red 0");
    expect(renders()).toBe(1); // app.ts ran again (it imports hello.ts), but App did not render
    expect(report.components).toEqual([{ name: "Hello", instances: 1, hooks: "kept" }]);
    delete (globalThis as { __appRenders?: number }).__appRenders;
  });
});
