import { afterEach, describe, expect, it, vi } from "vitest";
import type { DevEvent } from "../devServer.ts";
import { appLog, closeSwapApps, startSwapApp, type SwapApp } from "./swapApp.ts";

/**
 * Flutter's hot reload, held to its own tests (packages/flutter_tools/test/integration.shard:
 * hot_reload_test_common.dart, stateless_stateful_hot_reload_test.dart, the single widget reload
 * project, hot_reload_errors_common.dart) and to the cases of flutter/website's hot-reload page,
 * translated into weft apps under weft dev in this process.
 */
let app: SwapApp | undefined;
// Each test starts a real weft dev (Vite, its watcher, the module runner): seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });
afterEach(closeSwapApps);

const log = appLog;
const LOG = "const log = (line: string) => void ((globalThis as any).__log ??= []).push(line);";
const IMPORTS = 'import { component, useState, Text, Button, Column, Row, type Page } from "weft";';
const shown = (key = "shown") => app!.tab.find({ key }).text;

describe("Flutter hot reload (flutter_tools integration.shard)", () => {
  const counter = (label: string, extra = "") => `${IMPORTS}
${LOG}
export default function main(page: Page) {
  ${extra}
  const count = new Text({ value: "0", key: "shown" });
  page.add(count, new Button({ text: "${label}", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
}
`;

  it("Flutter: hot reload works without error", async () => {
    app = await startSwapApp({ "app.ts": counter("+") });
    await app.tab.find({ key: "inc" }).click();
    const report = await app.swap({ "app.ts": counter("add") });
    expect(report.outcome).toBe("swapped");
    expect(shown()).toBe("1");
    expect(app.tab.find({ key: "inc" }).text).toBe("add");
  });

  it("Flutter: newly added code executes during hot reload", async () => {
    app = await startSwapApp({ "app.ts": counter("+", '// log("(((((RELOAD WORKED)))))");') });
    await app.swap({ "app.ts": counter("+", 'log("(((((RELOAD WORKED)))))");') });
    expect(log()).toContain("(((((RELOAD WORKED)))))");
  });

  it("Flutter: multiple overlapping hot reload are debounced and queued (two bursts of two saves: two swaps)", async () => {
    app = await startSwapApp({ "app.ts": counter("v0") });
    const events: DevEvent[] = [];
    const off = app.dev.onEvent((e) => events.push(e));
    // Two saves at once, then two more after a pause (the peer test's debounce window doubled).
    await app.save({ "app.ts": counter("v1"), "other.ts": "export const x = 1;\n" });
    await app.save({ "app.ts": counter("v2"), "other.ts": "export const x = 2;\n" });
    off();
    expect(events.filter((e) => e.type === "swap")).toHaveLength(2);
    expect(app.tab.find({ key: "inc" }).text).toBe("v2");
  });

  it("Flutter: hot restart works without error", async () => {
    app = await startSwapApp({ "app.ts": counter("+") });
    await app.tab.find({ key: "inc" }).click();
    const report = await app.swap({ "app.ts": "// @weft-restart\n" + counter("+") });
    expect(report.outcome).toBe("restarted");
    expect(shown()).toBe("0");
    expect(app.tab.session.state).toBe("connected");
  });

  it("Flutter: Can switch between stateless and stateful", async () => {
    const version = (stateful: boolean) => `${IMPORTS}
${LOG}
class ${stateful ? "Other" : "Child"} extends Text {
  constructor() {
    super({ value: "stateless", key: "shown" });
    log("STATELESS");
  }
}
const ${stateful ? "Child" : "Other"} = component(() => {
  const [n] = useState(0);
  log("STATEFUL");
  return new Text({ value: "stateful " + n, key: "shown" });
});
export default function main(page: Page) {
  page.add(${stateful ? "Child({})" : "new Child()"});
}
`;
    app = await startSwapApp({ "app.ts": version(false) });
    await app.swap({ "app.ts": version(true) });
    expect(shown()).toBe("stateful 0");
    await app.swap({ "app.ts": version(false) });
    expect(shown()).toBe("stateless");
    expect(log()).toEqual(expect.arrayContaining(["STATELESS", "STATEFUL"]));
  });

  it("Flutter: single widget reload (an edit of a child's build does not rebuild its parent)", async () => {
    const second = (text: string) => `import { component, Text } from "weft";
export const SecondWidget = component(() => new Text({ value: "${text}", key: "shown" }));
`;
    app = await startSwapApp({
      "app.ts": `import { component, Column, type Page } from "weft";
import { SecondWidget } from "./second.ts";
let count = 1;
const MyApp = component(() => {
  ((globalThis as any).__log ??= []).push("((((TICK " + count++ + "))))");
  return new Column([SecondWidget({})]);
});
export default function main(page: Page) { page.render(MyApp); }
`,
      "second.ts": second("first"),
    });
    expect(log()).toEqual(["((((TICK 1))))"]);
    const report = await app.swap({ "second.ts": second("(((((RELOAD WORKED)))))") });
    expect(shown()).toBe("(((((RELOAD WORKED)))))");
    expect(log()).toEqual(["((((TICK 1))))"]); // MyApp did not build again
    expect(report.components).toEqual([{ name: "SecondWidget", instances: 1, hooks: "kept" }]);
  });

  it("Flutter: hot reload displays a formatted error message when a change needs a hot restart, and the restart succeeds (weft: a class that changes its base)", async () => {
    const version = (base: string) => `import { Row, Column, Text, type Page } from "weft";
class MyApp extends ${base} {
  constructor() {
    super();
    this.controls = [new Text({ value: "${base}", key: "shown" })];
  }
}
export default function main(page: Page) { page.add(new MyApp()); }
`;
    app = await startSwapApp({ "app.ts": version("Row") });
    const report = await app.swap({ "app.ts": version("Column") });
    expect(report.outcome).toBe("restarted");
    expect(report.restarts[0]!.reason).toBe("class MyApp now extends Column instead of Row: instances made by the old code cannot take the new class");
    expect(shown()).toBe("Column");
  });

  it("Flutter (hot_reload_outside_lib): an edit of a module outside the app's folder is swapped too", async () => {
    app = await startSwapApp({
      "app/app.ts": 'import { Text, type Page } from "weft";\nimport { label } from "../shared/label.ts";\nexport default function main(page: Page) { page.add(new Text({ value: label, key: "shown" })); }\n',
      "shared/label.ts": 'export const label = "one";\n',
    }, { entry: "app/app.ts" });
    expect(shown()).toBe("one");
    await app.swap({ "shared/label.ts": 'export const label = "two";\n' });
    expect(shown()).toBe("two");
  });
});

describe("Flutter hot reload (flutter/website: the hot-reload page)", () => {
  it("Flutter: static fields are state and are not reinitialized by a hot reload (Store.visits)", async () => {
    const version = (label: string, initial = 0) => `import { Text, Button, type Page } from "weft";
class Store {
  static visits = ${initial};
}
export default function main(page: Page) {
  const shown = new Text({ value: "visits " + Store.visits, key: "shown" });
  page.add(shown, new Button({ text: "${label}", key: "inc", onClick: () => void (shown.value = "visits " + ++Store.visits) }));
}
`;
    app = await startSwapApp({ "app.ts": version("visit") });
    for (let i = 0; i < 3; i++) await app.tab.find({ key: "inc" }).click();
    expect(shown()).toBe("visits 3");
    await app.swap({ "app.ts": version("visit!") });
    await app.tab.find({ key: "inc" }).click();
    expect(shown()).toBe("visits 4"); // not 1
    // The initializer changed too, and the field at runtime: the runtime value stays, and the report says so.
    const report = await app.swap({ "app.ts": version("visit!", 100) });
    await app.tab.find({ key: "inc" }).click();
    expect(shown()).toBe("visits 5");
    expect(report.fieldsKept).toEqual([{ control: "static Store", field: "visits" }]);
  });

  it("Flutter: const values are always hot reloaded (a changed constant is taken)", async () => {
    const version = (foo: number) => `import { Text, type Page } from "weft";
const foo = ${foo};
export default function main(page: Page) { page.add(new Text({ value: "foo " + foo, key: "shown" })); }
`;
    app = await startSwapApp({ "app.ts": version(1) });
    await app.swap({ "app.ts": version(2) });
    expect(shown()).toBe("foo 2");
  });

  it("Flutter: recent UI change is excluded when main is edited (weft differs: main runs again, so the change shows)", async () => {
    app = await startSwapApp({ "app.ts": 'import { Text, type Page } from "weft";\nexport default function main(page: Page) { page.add(new Text({ value: "tapped", key: "shown" })); }\n' });
    await app.swap({ "app.ts": 'import { Text, type Page } from "weft";\nexport default function main(page: Page) { page.add(new Text({ value: "Hello", key: "shown" })); }\n' });
    expect(shown()).toBe("Hello");
  });

  it("Flutter: how it works (only the changed libraries and those leading to them from main run again: a clock the edit did not reach keeps ticking)", async () => {
    const clock = `export const clock = { ticks: 0 };
setInterval(() => clock.ticks++, 2);
import.meta.hot?.dispose(() => ((globalThis as any).__log ??= []).push("clock disposed"));
`;
    const main = (label: string) => `import { Text, Button, type Page } from "weft";
import { clock } from "./clock.ts";
export default function main(page: Page) {
  const shown = new Text({ value: "", key: "shown" });
  page.add(shown, new Button({ text: "${label}", key: "inc", onClick: () => void (shown.value = String(clock.ticks)) }));
}
`;
    app = await startSwapApp({ "app.ts": main("read"), "clock.ts": clock }, { warmUp: true });
    log().length = 0; // the warm-up at startup ran every module twice more (disposing the clock each time)
    const ticks = async () => {
      await app!.tab.find({ key: "inc" }).click();
      return Number(shown());
    };
    const report = await app.swap({ "app.ts": main("read!") });
    const before = await ticks();
    for (const deadline = Date.now() + 5000; (await ticks()) <= before; ) if (Date.now() > deadline) throw new Error("the clock stopped");
    expect(log()).toEqual([]); // its dispose handler did not run: it was not replaced
    expect(report.stopped.timers).toBe(0);
    // An edit of the clock itself replaces it: its dispose runs, its old interval stops.
    const replaced = await app.swap({ "clock.ts": clock.replace("clock.ticks++", "clock.ticks += 1") });
    expect(log()).toEqual(["clock disposed"]);
    expect(replaced.stopped.timers).toBe(1);
  });
});
