import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, createServerModuleRunner, defaultServerConditions, type ViteDevServer } from "vite";
import type { ModuleRunner } from "vite/module-runner";
import type { AppMain, Control } from "weft";
import type * as Testing from "weft/testing";
import { attachAgent, type Agent } from "../index.ts";
import { controlsCreatedAt, createSourceLocator, mapPosition } from "../sourceLocations.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const appFile = fileURLToPath(new URL("./fixtures/sourceApp.ts", import.meta.url));

// The app runs as under `weft dev`: TypeScript through Vite's module runner, which gives each
// module an inline source map and turns Node's source maps on. The runtime is loaded by the
// same runner, so the app and the headless session share one copy of it.
let server: ViteDevServer;
let runner: ModuleRunner;
let main: AppMain;
let testing: typeof Testing;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root,
    appType: "custom",
    logLevel: "silent",
    server: { middlewareMode: true, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    // weft's sources, as everywhere in this repository (docs/architecture.md "The package").
    ssr: { resolve: { conditions: ["@weft/source", ...defaultServerConditions], externalConditions: ["@weft/source"] } },
  });
  runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  main = ((await runner.import(appFile)) as { default: AppMain }).default;
  testing = (await runner.import("weft/testing")) as typeof Testing;
}, 30_000);

afterAll(async () => {
  await runner?.close();
  await server?.close();
});

const at = (line: number) => ({ file: appFile, line });

describe("source locations", () => {
  let agent: Agent;
  let session: Testing.HeadlessSession;
  beforeAll(async () => {
    agent = attachAgent();
    session = await testing.openSession(main);
  });
  afterAll(() => {
    session?.close();
    agent?.dispose();
  });

  it("finds the line that created a control, in the .ts file the author wrote", () => {
    const id = session.find({ key: "count" }).id;
    expect(agent.source(session.session.id, id)).toEqual({
      sessionId: session.session.id,
      id,
      location: { file: appFile, line: 12, column: 17 },
    });
    expect(agent.source(session.session.id, session.find({ key: "inc" }).id)?.location).toMatchObject(at(13));
  });

  it("gives a subclass the line that said `new Greeting`, not its `super(...)` call", () => {
    expect(agent.source(session.session.id, session.find({ key: "greeting-a" }).id)?.location).toMatchObject(at(20));
    // a control made inside the class's constructor is created there
    expect(agent.source(session.session.id, session.find({ key: "text-b" }).id)?.location).toMatchObject(at(7));
  });

  it("after a hot swap, every session's controls name the line that made them, read from one stack (the first session's)", async () => {
    const { SwapEngine } = (await runner.import("weft/swap")) as typeof import("weft/swap");
    const hook = globalThis.__WEFT_HOOK__!;
    const engine = new SwapEngine(main);
    const tabs = [await testing.openSession(engine.main), await testing.openSession(engine.main), await testing.openSession(engine.main)];
    const shared: Control[] = [];
    const off = hook.subscribe((event) => void (event.type === "create" && event.sameSiteAs && shared.push(event.control)));
    try {
      await engine.swap(main, { files: [appFile] });
      for (const tab of tabs) {
        expect(agent.source(tab.session.id, tab.find({ key: "count" }).id)?.location).toEqual({ file: appFile, line: 12, column: 17 });
        expect(agent.source(tab.session.id, tab.find({ key: "text-b" }).id)?.location).toMatchObject(at(7));
      }
      // The second and third sessions' constructions took the first one's capture.
      const taken = new Set(shared);
      for (const tab of tabs.slice(1)) for (const control of tab.session.tree.index.values()) expect(taken.has(control)).toBe(true);
      for (const control of tabs[0]!.session.tree.index.values()) expect(taken.has(control)).toBe(false);
    } finally {
      off();
      for (const tab of tabs) tab.close();
      engine.dispose();
    }
  });

  it("after a hot swap that defines a class and a component again, the later sessions read no stack of their own", async () => {
    const { SwapEngine } = (await runner.import("weft/swap")) as typeof import("weft/swap");
    const hook = globalThis.__WEFT_HOOK__!;
    const file = fileURLToPath(new URL("./fixtures/versionedApp.ts", import.meta.url));
    type Version = typeof import("./fixtures/versionedApp.ts");
    // Two versions of one module, registered as the devserver's transform registers them.
    const [v1, v2] = [(await runner.import(file)) as Version, (await runner.import(`${file}?v=2`)) as Version];
    const engine = new SwapEngine(v1.default);
    const register = (v: Version) => {
      engine.registry.registerModule(file, { Panel: v.Panel });
      v.parts.Clicker = engine.registry.component(file, "Clicker", v.parts.Clicker);
    };
    register(v1);
    const tabs = [await testing.openSession(engine.main), await testing.openSession(engine.main), await testing.openSession(engine.main)];
    const own: Control[] = [];
    const off = hook.subscribe((event) => void (event.type === "create" && !event.sameSiteAs && own.push(event.control)));
    try {
      register(v2);
      const report = await engine.swap(v2.default, { files: [file] });
      expect(report.sessions.kept).toBe(3);
      expect(report.components).toMatchObject([{ name: "Clicker", instances: 3, hooks: "kept" }]);
      for (const tab of tabs) {
        // the class's new version (a new constructor) and the component's re-render
        expect(agent.source(tab.session.id, tab.find({ key: "panel" }).id)?.location).toMatchObject({ file, line: 21 });
        expect(agent.source(tab.session.id, tab.find({ key: "panel-text" }).id)?.location).toMatchObject({ file, line: 8 });
        expect(agent.source(tab.session.id, tab.find({ key: "clicks" }).id)?.location).toMatchObject({ file, line: 14 });
      }
      // Only the first session's constructions read a stack: not the later sessions', and not
      // the trial renders' (the component's new function tried on every instance, thrown away).
      const firstTree = new Set<Control>([...tabs[0]!.session.tree.index.values(), tabs[0]!.session.page.window]);
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((c) => !firstTree.has(c)).map((c) => c._typeName())).toEqual([]);
    } finally {
      off();
      for (const tab of tabs) tab.close();
      engine.dispose();
    }
  });

  it("after a hot swap, a session whose tree differs from the first one's reads its own stacks", async () => {
    const { SwapEngine } = (await runner.import("weft/swap")) as typeof import("weft/swap");
    const listFile = fileURLToPath(new URL("./fixtures/listApp.ts", import.meta.url));
    const list = ((await runner.import(listFile)) as { default: AppMain }).default;
    const engine = new SwapEngine(list);
    const short = await testing.openSession(engine.main);
    const long = await testing.openSession((page) => (page.session.set("more", true), engine.main(page)));
    try {
      await engine.swap(list, { files: [listFile] });
      expect(agent.source(long.session.id, long.find({ key: "more" }).id)?.location).toMatchObject({ file: listFile, line: 5 });
      expect(agent.source(long.session.id, long.find({ key: "last" }).id)?.location).toMatchObject({ file: listFile, line: 6 });
      expect(agent.source(short.session.id, short.find({ key: "last" }).id)?.location).toMatchObject({ file: listFile, line: 6 });
    } finally {
      short.close();
      long.close();
      engine.dispose();
    }
  });

  it("finds a handler's definition through the inspector protocol", () => {
    const id = session.find({ key: "inc" }).id;
    const result = agent.source(session.session.id, id, "click");
    expect(result).toMatchObject({ event: "click", location: at(16) });
    expect(agent.source(session.session.id, id, "submit")).toBeNull();
  });

  it("locates a bound function by its target", () => {
    const locator = createSourceLocator({ hook: globalThis.__WEFT_HOOK__!, creationSites: false });
    try {
      function named() {
        return 1;
      }
      const plain = locator.functionLocation(named);
      expect(plain?.file).toBe(fileURLToPath(import.meta.url));
      expect(locator.functionLocation(named.bind(null))).toEqual(plain);
      expect(locator.functionLocation(Math.max)).toBeNull();
    } finally {
      locator.dispose();
    }
  });

  it("picks the controls created on the cursor's line, or on the nearest line above", () => {
    const sid = session.session.id;
    const key = (id: number) => (agent.props(sid, id)?.key ?? "?");
    expect(agent.controlsAt(sid, appFile, 13)!.ids.map(key)).toEqual(["inc"]);
    expect(agent.controlsAt(sid, appFile, 15)).toMatchObject({ line: 13 }); // on `key: "inc",`
    expect(agent.controlsAt(sid, appFile, 7)!.ids.map(key)).toEqual(["text-a", "text-b"]);
    expect(agent.controlsAt(sid, appFile, 3)).toEqual({ sessionId: sid, ids: [], line: null });
    expect(agent.controlsAt("no-such-session", appFile, 13)).toBeNull();
  });
});

describe("controlsCreatedAt", () => {
  it("ignores sites more than twenty lines above the cursor and in other files", async () => {
    const s = await testing.openSession(main);
    try {
      const sites = new Map<number, { file: string; line: number; column: number }>();
      const count = s.find({ key: "count" }).id;
      sites.set(count, { file: "/a.ts", line: 10, column: 1 });
      sites.set(s.find({ key: "inc" }).id, { file: "/b.ts", line: 40, column: 1 });
      const siteOf = (c: { id: number }) => sites.get(c.id) ?? null;
      expect(controlsCreatedAt(globalThis.__WEFT_HOOK__!.inspection!, s.session.page, "/a.ts", 29, siteOf)).toEqual({ ids: [count], line: 10 });
      expect(controlsCreatedAt(globalThis.__WEFT_HOOK__!.inspection!, s.session.page, "/a.ts", 30, siteOf)).toEqual({ ids: [], line: null });
      expect(controlsCreatedAt(globalThis.__WEFT_HOOK__!.inspection!, s.session.page, "/a.ts", 9, siteOf)).toEqual({ ids: [], line: null });
    } finally {
      s.close();
    }
  });
});

describe("mapPosition", () => {
  it("keeps the position of a script without a source map, 1-based", () => {
    expect(mapPosition("/nowhere/plain.js", 4, 2)).toEqual({ file: "/nowhere/plain.js", line: 5, column: 3 });
    expect(mapPosition("file:///nowhere/plain.js", 0, 0)).toEqual({ file: "/nowhere/plain.js", line: 1, column: 1 });
  });
});
