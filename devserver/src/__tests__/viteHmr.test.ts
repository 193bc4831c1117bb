import { afterEach, describe, expect, it, vi } from "vitest";
import { appLog, closeSwapApps, startSwapApp, type SwapApp } from "./swapApp.ts";

/**
 * Vite's HMR playground (playground/hmr/__tests__/hmr.spec.ts) translated into weft apps: the
 * module-graph cases (dependencies, their chains, hot data, cycles, modules deleted and
 * restored) on the server side, where weft runs the app. Each save goes through the real
 * watcher, module runner and swap, into a live headless session.
 */
let app: SwapApp | undefined;
// Each test starts a real weft dev (Vite, its watcher, the module runner): seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });
afterEach(closeSwapApps);

const log = appLog;
const ticks = () => (globalThis as { __ticks?: number }).__ticks ?? 0;
async function until(ok: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5000; !ok(); ) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 2));
  }
}
/** Lets `ms` pass: to see that something does not happen any more, time must pass. */
const elapsed = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shown = () => app!.tab.find({ key: "shown" }).text;

const entry = (imports: string, value: string) => `import { Text, type Page } from "weft";
${imports}
export default function main(page: Page) {
  page.add(new Text({ value: ${value}, key: "shown" }));
}
`;

describe("Vite HMR playground", () => {
  it("Vite hmr: accept dep (an edit of a module the app imports shows its new value)", async () => {
    app = await startSwapApp({ "app.ts": entry('import { foo } from "./hmrDep.ts";', "`dep ${foo}`"), "hmrDep.ts": "export const foo = 1;\n" });
    expect(shown()).toBe("dep 1");
    const report = await app.swap({ "hmrDep.ts": "export const foo = 2;\n" });
    expect(shown()).toBe("dep 2");
    expect(report.files).toEqual(["hmrDep.ts"]);
    await app.swap({ "hmrDep.ts": "export const foo = 3;\n" });
    expect(shown()).toBe("dep 3");
  });

  it("Vite hmr: nested dep propagation", async () => {
    app = await startSwapApp({
      "app.ts": entry('import { foo, nestedFoo } from "./hmrDep.ts";', "`${foo} ${nestedFoo}`"),
      "hmrDep.ts": 'export const foo = 1;\nexport { foo as nestedFoo } from "./hmrNestedDep.ts";\n',
      "hmrNestedDep.ts": "export const foo = 1;\n",
    });
    expect(shown()).toBe("1 1");
    await app.swap({ "hmrNestedDep.ts": "export const foo = 2;\n" });
    expect(shown()).toBe("1 2");
    await app.swap({ "hmrNestedDep.ts": "export const foo = 3;\n" });
    expect(shown()).toBe("1 3");
  });

  it("Vite hmr: hot data persists across module instances (the dispose handler hands data to the next version)", async () => {
    const hotData = (value: number) => `export const value = ${value};
export const previous = import.meta.hot?.data.value;
import.meta.hot?.dispose((data) => {
  data.value = value;
});
`;
    app = await startSwapApp({ "app.ts": entry('import { value, previous } from "./hotData.ts";', "`${value} from ${String(previous)}`"), "hotData.ts": hotData(1) });
    expect(shown()).toBe("1 from undefined");
    await app.swap({ "hotData.ts": hotData(2) });
    expect(shown()).toBe("2 from 1");
    await app.swap({ "hotData.ts": hotData(3) });
    expect(shown()).toBe("3 from 2");
  });

  it("Vite hmr: self accept, with import.meta.hot?.accept (a module that accepts itself swaps like any other)", async () => {
    const self = (foo: number) => `export const foo = ${foo};
import.meta.hot?.accept((mod) => {
  ((globalThis as any).__log ??= []).push("accepted " + mod?.foo);
});
`;
    app = await startSwapApp({ "app.ts": entry('import { foo } from "./hmr.ts";', "`foo ${foo}`"), "hmr.ts": self(1) });
    await app.swap({ "hmr.ts": self(2) });
    expect(shown()).toBe("foo 2");
    await app.swap({ "hmr.ts": self(3) });
    expect(shown()).toBe("foo 3");
  });

  it("Vite hmr: invalidate in circular dep should not trigger infinite HMR (a save in an import cycle swaps once)", async () => {
    app = await startSwapApp({
      "app.ts": entry('import { parent } from "./parent.ts";', "parent()"),
      "parent.ts": 'import { child } from "./child.ts";\nexport const name = "parent";\nexport const parent = () => `parent:${child}`;\n',
      "child.ts": 'import { name } from "./parent.ts";\nexport const child = "child";\nexport const parentName = () => name;\n',
    });
    expect(shown()).toBe("parent:child");
    let swaps = 0;
    const off = app.dev.onEvent(() => swaps++);
    await app.swap({ "child.ts": 'import { name } from "./parent.ts";\nexport const child = "child updated";\nexport const parentName = () => name;\n' });
    expect(shown()).toBe("parent:child updated");
    await app.dev.idle();
    off();
    expect(swaps).toBe(1);
  });

  it("Vite hmr: invalidate (a module that calls import.meta.hot.invalidate() does not stop the swap)", async () => {
    const child = (text: string) => `export const value = "${text}";\nimport.meta.hot?.accept(() => import.meta.hot?.invalidate());\n`;
    app = await startSwapApp({ "app.ts": entry('import { value } from "./child.ts";', "value"), "child.ts": child("child") });
    await app.swap({ "child.ts": child("child updated") });
    expect(shown()).toBe("child updated");
  });

  it("Vite hmr: deleted file should trigger dispose and prune callbacks (and its timers stop)", async () => {
    // Its interval is not cleared by its dispose handler: it stops because the module left the app.
    const child = `export const value = "child";
setInterval(() => ((globalThis as any).__ticks = ((globalThis as any).__ticks ?? 0) + 1), 2);
import.meta.hot?.dispose(() => {
  ((globalThis as any).__log ??= []).push("child is disposed");
});
import.meta.hot?.prune(() => ((globalThis as any).__log ??= []).push("child is pruned"));
`;
    app = await startSwapApp({
      "app.ts": entry('import { childValue } from "./parent.ts";', "`parent:${childValue}`"),
      "parent.ts": 'export { value as childValue } from "./child.ts";\n',
      "child.ts": child,
    });
    expect(shown()).toBe("parent:child");
    log();
    await until(() => ticks() > 2);
    let stopped = 0;
    const off = app.dev.onEvent((e) => void (stopped += e.type === "swap" ? e.report.stopped.timers : 0));
    await app.remove("child.ts", { "parent.ts": 'export const childValue = "not-child";\n' });
    off();
    expect(shown()).toBe("parent:not-child");
    expect(log()).toEqual(["child is disposed", "child is pruned"]);
    expect(stopped).toBe(1); // the report counts it
    const after = ticks();
    await elapsed(30);
    expect(ticks()).toBe(after);
    // Restored: it runs afresh.
    await app.swap({ "child.ts": child, "parent.ts": 'export { value as childValue } from "./child.ts";\n' });
    expect(shown()).toBe("parent:child");
  });

  it("Vite hmr: should hmr when file is deleted and restored", async () => {
    app = await startSwapApp({
      "app.ts": entry('import { childValue } from "./parent.ts";', "`parent:${childValue}`"),
      "parent.ts": 'export { value as childValue } from "./child.ts";\n',
      "child.ts": 'export const value = "child";\n',
    });
    await app.swap({ "child.ts": 'export const value = "child1";\n' });
    expect(shown()).toBe("parent:child1");
    await app.remove("child.ts", { "parent.ts": 'export const childValue = "not-child";\n' });
    expect(shown()).toBe("parent:not-child");
    await app.swap({ "child.ts": 'export const value = "child";\n', "parent.ts": 'export { value as childValue } from "./child.ts";\n' });
    expect(shown()).toBe("parent:child");
    await app.swap({ "child.ts": 'export const value = "child2";\n' });
    expect(shown()).toBe("parent:child2");
  });

  it("Vite hmr: delete file should not break hmr (state kept across it)", async () => {
    const display = (suffix: string) => `import { Row, Text, Button } from "weft";
export function display() {
  const shown = new Text({ value: "count is 1${suffix}", key: "shown" });
  let count = 1;
  return new Row([shown, new Button({ text: "+", key: "inc", onClick: () => void (shown.value = \`count is \${++count}${suffix}\`) })]);
}
`;
    app = await startSwapApp({
      "app.ts": 'import { display } from "./reExport.ts";\nimport type { Page } from "weft";\nexport default function main(page: Page) { page.add(display()); }\n',
      "reExport.ts": 'export { display } from "./display.ts";\n',
      "display.ts": display(""),
    });
    await app.tab.find({ key: "inc" }).click();
    expect(shown()).toBe("count is 2");
    await app.swap({
      "app.ts": 'import { display } from "./display.ts";\nimport type { Page } from "weft";\nexport default function main(page: Page) { page.add(display()); }\n',
    });
    expect(shown()).toBe("count is 2"); // changed at runtime: kept
    await app.remove("reExport.ts"); // no longer imported: its removal changes nothing
    expect(shown()).toBe("count is 2");
    await app.swap({ "display.ts": display("!") });
    await app.tab.find({ key: "inc" }).click();
    expect(shown()).toBe("count is 2!");
  });

  it("Vite hmr: keep hmr reload after missing import on server startup", async () => {
    app = await startSwapApp({ "app.ts": entry('import "./missing-module.ts";', '"missing test"') });
    expect(app.tab.session.crashed).toMatch(/failed to load/);
    const fixed = await app.save({ "app.ts": entry('// import "./missing-module.ts";', '"missing test"') });
    expect(fixed.type).toBe("swap");
    await app.tab.settle();
    expect(shown()).toBe("missing test");
    const broken = await app.save({ "app.ts": entry('import "./missing-module.ts";', '"missing test again"') });
    expect(broken.type).toBe("build-error");
    expect(shown()).toBe("missing test"); // the old code keeps serving
  });
});
