import { expect, test, type Page } from "@playwright/test";
import { startDevApp, type DevApp } from "../fixtures/dev/devApp.ts";
import { key } from "../support/locators.ts";

/**
 * `weft dev`: a save is swapped into the live session, which keeps what the user did (docs/hot-swap.md,
 * "What a swap keeps and what it takes"). Each test runs `weft dev` on its own copy of test/fixtures/dev/app.ts.
 */

/** Clicks the counter to 5, types a name and remembers it, adds three todos, ticks one, clicks the component twice, goes to /other. */
async function useTheApp(page: Page) {
  for (let i = 0; i < 5; i++) await key(page, "inc").click();
  await expect(key(page, "count")).toHaveText("5");
  await key(page, "name").locator("input").fill("Ada");
  await key(page, "remember").click();
  for (const task of ["milk", "eggs", "bread"]) {
    await key(page, "new-task").locator("input").fill(task);
    await key(page, "add").click();
    await expect(key(page, "done").last()).toContainText(task);
  }
  await key(page, "done").nth(1).locator("input").check();
  await expect(key(page, "items-left")).toHaveText("2 items left");
  await key(page, "click").click();
  await key(page, "click").click();
  await expect(key(page, "clicks")).toHaveText("clicks: 2");
  await key(page, "go-other").click();
  await expect(page).toHaveURL(/\/other$/);
  await expect(key(page, "other-title")).toBeVisible();
  // Markers that a reload or a reconnect would lose.
  await page.evaluate(() => {
    const w = window as unknown as { __marker: number; __socket: unknown; __weft: { connection: { ws: unknown } } };
    w.__marker = 42;
    w.__socket = w.__weft.connection.ws;
  });
  return page.evaluate(() => sessionStorage.getItem("weft:session"));
}

const sameSocketAndPage = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __marker?: number; __socket?: unknown; __weft: { connection: { ws: WebSocket; stats: { connects: number } } } };
    return { marker: w.__marker, sameSocket: w.__socket === w.__weft.connection.ws, open: w.__weft.connection.ws.readyState === WebSocket.OPEN, connects: w.__weft.connection.stats.connects };
  });

test.describe("weft dev: hot swap into live sessions", () => {
  let dev: DevApp;
  test.beforeEach(async () => {
    dev = await startDevApp();
  });
  test.afterEach(async () => dev.stop());

  test("keeps what the user did and takes the new code, on the same session and socket", async ({ page }) => {
    await page.goto(dev.url);
    const sessionId = await useTheApp(page);

    const outcome = await dev.edit(
      ["const step = 1;", "const step = 2;"], // a closure in main
      ['"+" /* edit:inc-label */', '"plus"'], // a prop changed in source
      ['" (done)" /* edit:done-suffix */', '" ✓"'], // a method of a class (runtime-created items)
      ["`clicks: ${n}`", "`taps: ${n}`"], // a component
      ["name=${String(", "hello ${String("], // a handler reading page.session
      ['new Text({ value: "an old line", key: "legacy" }), // edit:legacy', ""], // a control removed
      ["// edit:extra-controls", 'new Text({ value: "added in source", key: "added" }),'], // a control added
    );
    expect(outcome.kind).toBe("swapped");

    // Same page, same socket, same session, same route.
    expect(await sameSocketAndPage(page)).toMatchObject({ marker: 42, sameSocket: true, open: true, connects: 1 });
    expect(await page.evaluate(() => sessionStorage.getItem("weft:session"))).toBe(sessionId);
    await expect(page).toHaveURL(/\/other$/);
    // page.session kept, read by the new handler
    await key(page, "show-session").click();
    await expect(key(page, "session-shown")).toHaveText("hello Ada");

    await page.goBack();
    await expect(key(page, "count")).toHaveText("5");
    await expect(key(page, "name").locator("input")).toHaveValue("Ada");
    await expect(key(page, "done")).toHaveCount(3);
    expect(await key(page, "done").locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([false, true, false]);
    await expect(key(page, "clicks")).toHaveText("taps: 2");
    await expect(key(page, "inc")).toHaveText("plus");
    await expect(key(page, "added")).toHaveText("added in source");
    await expect(key(page, "legacy")).toHaveCount(0);

    // The next click runs the new code: the closure, the method on a runtime item, the component.
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("7");
    await key(page, "done").nth(0).locator("input").check();
    await expect(key(page, "done").nth(0)).toContainText("milk ✓");
    await expect(key(page, "items-left")).toHaveText("1 item left");
    await key(page, "click").click();
    await expect(key(page, "clicks")).toHaveText("taps: 3");
    expect((await sameSocketAndPage(page)).connects).toBe(1);
  });

  test("reports each swap: one line in the terminal, the full report on the channel", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    const channel = await dev.channel();
    const report = channel.next("swap");
    const outcome = await dev.edit(["const step = 1;", "const step = 3;"], ['"+" /* edit:inc-label */', '"add 3"']);
    expect(outcome.line).toMatch(/^weft: swapped app\.ts in \d+ ms · 1 session kept · \d+ handlers rebound · 1 prop taken/);
    const { report: full } = await report;
    expect(full).toMatchObject({ outcome: "swapped", files: ["app.ts"], sessions: { kept: 1, restarted: 0 } });
    expect(full.handlersRebound).toBeGreaterThan(0);
    expect(full.propsTaken).toEqual([expect.objectContaining({ control: 'Button "inc"', prop: "content", from: "+", to: "add 3" })]);
    expect(full.reset).toEqual(expect.arrayContaining([]));
    channel.close();
  });

  test("falls back when a swap is unsafe, and says why: a component whose hooks changed, a top-level side effect", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "inc").click();
    await key(page, "click").click();
    await expect(key(page, "clicks")).toHaveText("clicks: 1");
    const sessionId = await page.evaluate(() => sessionStorage.getItem("weft:session"));
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 7));

    // Hook order changed: only that component starts afresh.
    const channel = await dev.channel();
    const hooks = channel.next("swap");
    const first = await dev.edit(["const [n, setN] = useState(0);", "const [n, setN] = useState(0);\n  const [, setLabel] = useState(\"x\");\n  void setLabel;"]);
    expect(first.kind).toBe("swapped");
    expect(first.line).toMatch(/1 reset/);
    expect((await hooks).report.components).toEqual([expect.objectContaining({ name: "Clicker", hooks: "reset" })]);
    await expect(key(page, "clicks")).toHaveText("clicks: 0");
    await expect(key(page, "count")).toHaveText("1");

    // A call at the top level of the module: the sessions are hot-restarted, connections kept.
    const restarted = channel.next("swap");
    const restart = await dev.edit(["const Clicker = component(", "setInterval(() => {}, 60_000);\n\nconst Clicker = component("]);
    expect(restart.kind).toBe("hot-restarted");
    // …and the report says the component started afresh with its session, never that it kept its hooks.
    expect((await restarted).report.components).toEqual([expect.objectContaining({ name: "Clicker", hooks: "reset", reason: "its session was hot-restarted" })]);
    expect(restart.line).toMatch(/app\.ts:\d+ runs `setInterval\(\(\) => \{\}, 60_000\)` when the module loads/);
    await expect(key(page, "count")).toHaveText("0");
    expect(await page.evaluate(() => sessionStorage.getItem("weft:session"))).toBe(sessionId);
    expect(await page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(7);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    channel.close();
  });

  test("survives bad saves: the old code keeps serving, an overlay shows where, the next good save removes it", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    const overlay = page.getByTestId("weft-overlay");
    const good = dev.source();

    // A syntax error.
    const syntax = await dev.edit(['new Text({ value: "an old line", key: "legacy" }),', 'new Text({ value: "an old line", key: "legacy" ),']);
    expect(syntax.kind).toBe("error");
    await expect(overlay).toBeVisible();
    const legacyLine = good.split("\n").findIndex((l) => l.includes('key: "legacy"')) + 1;
    await expect(page.getByTestId("weft-overlay-location")).toHaveText(new RegExp(`^app\\.ts:${legacyLine}:\\d+$`));
    await expect(page.getByTestId("weft-overlay-frame")).toContainText(`> ${legacyLine} |`);
    await expect(page.getByTestId("weft-overlay-frame")).toContainText("^");
    await key(page, "inc").click(); // the old code still serves
    await expect(key(page, "count")).toHaveText("2");

    // The next good save removes it and takes the new code.
    expect((await dev.write(good))?.kind).toBe("swapped");
    await expect(overlay).toHaveCount(0);
    const fixed = await dev.edit(["const step = 1;", "const step = 10;"]);
    expect(fixed.kind).toBe("swapped");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("12");

    // A type error when the module loads.
    const atImport = await dev.edit(["class TodoItem extends Row {", "const broken: any = undefined;\nbroken.go();\n\nclass TodoItem extends Row {"]);
    expect(atImport.kind).toBe("error");
    await expect(page.getByTestId("weft-overlay-message")).toContainText("TypeError");
    await expect(page.getByTestId("weft-overlay-location")).toHaveText(/^app\.ts:\d+:\d+$/);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("22");

    // An exception while the new main builds the page.
    const refixed = await dev.write(good.replace("const step = 1;", "const step = 10;"));
    expect(refixed?.kind, dev.proc.output()).toBe("swapped");
    await expect(overlay).toHaveCount(0);
    const inBuild = await dev.edit(["const step = 10;", 'const step = 10;\n  if (count) throw new Error("main broke while building");']);
    expect(inBuild.kind).toBe("error");
    await expect(page.getByTestId("weft-overlay-message")).toContainText("main broke while building");
    await expect(page.getByTestId("weft-overlay-frame")).toContainText('throw new Error("main broke while building")');
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("32");

    const back = await dev.edit(['\n  if (count) throw new Error("main broke while building");', ""]);
    expect(back.kind).toBe("swapped");
    await expect(overlay).toHaveCount(0);
    await expect(key(page, "count")).toHaveText("32");
  });
});

test.describe("weft dev: an app that does not load", () => {
  let dev: DevApp;
  test.beforeEach(async () => {
    dev = await startDevApp("app.ts", {}, (source) => source.replace("const step = 1;", "const step = ;"));
  });
  test.afterEach(async () => dev.stop());

  test("starts anyway, shows where it fails, and comes up on the first good save", async ({ page }) => {
    expect(dev.proc.output()).toMatch(/weft: the app failed to load: app\.ts:\d+:\d+/);
    await page.goto(dev.url);
    await expect(page.getByTestId("weft-overlay-location")).toHaveText(/^app\.ts:\d+:\d+$/);
    const fixed = await dev.edit(["const step = ;", "const step = 1;"]);
    // The tab's session had no page (its main failed): it runs the new main, on the same socket.
    expect(fixed.kind).toBe("hot-restarted");
    expect(fixed.line).toMatch(/its main had crashed/);
    await expect(page.getByTestId("weft-overlay")).toHaveCount(0);
    await expect(key(page, "count")).toHaveText("0");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
  });
});

test.describe("weft dev: many edits", () => {
  let dev: DevApp;
  test.beforeEach(async () => {
    // Added to the NODE_OPTIONS this repository runs with (its .npmrc sets the @weft/source condition).
    dev = await startDevApp("app.ts", { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc` });
  });
  test.afterEach(async () => dev.stop());

  test("twenty edits in a row, good and bad mixed, leave the server healthy and memory flat", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(dev.url);
    await key(page, "inc").click();
    const channel = await dev.channel();
    const stats = () => channel.client.request("get-stats", {});
    const good = dev.source();
    const edit = async (i: number) => {
      if (i % 5 === 2) return dev.edit(["const step = ", "const step = = "]); // syntax error
      if (i % 5 === 4) return dev.edit(["  const step", '  if (page) throw new Error("bad build");\n  const step']); // throws while building
      await dev.write(good);
      return dev.edit(['"+" /* edit:inc-label */', `"+${i}"`]);
    };
    for (let i = 0; i < 5; i++) await edit(i);
    await dev.write(good);
    await expect(page.getByTestId("weft-overlay")).toHaveCount(0);
    const before = await stats();
    for (let i = 5; i < 25; i++) {
      const outcome = await edit(i);
      expect(outcome.kind, `edit ${i}: ${outcome.line}\n${dev.proc.output()}`).toBe(i % 5 === 2 || i % 5 === 4 ? "error" : "swapped");
    }
    await dev.write(good);
    await expect(page.getByTestId("weft-overlay")).toHaveCount(0);
    await expect(key(page, "inc")).toHaveText("+");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("2");
    const after = await stats();
    expect(after.sessions).toBe(before.sessions);
    expect(after.activeResources.Timeout ?? 0).toBeLessThanOrEqual((before.activeResources.Timeout ?? 0) + 2);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(12 * 1024 * 1024);
    expect((await sameSocketAndPage(page)).connects).toBe(1);
    channel.close();
  });
});

test.describe("weft dev: the devtools channel and the inspector URL", () => {
  let dev: DevApp;
  test.beforeAll(async () => {
    dev = await startDevApp();
  });
  test.afterAll(async () => dev.stop());

  test("the inspector URL serves a page that lists the live sessions", async ({ page, context }) => {
    const app = await context.newPage();
    await app.goto(dev.url);
    await expect(key(app, "count")).toHaveText("0");
    await page.goto(dev.inspectorUrl);
    // The placeholder page, or the inspector once it is built: both mark each session `[data-testid="session"]`.
    await expect(page.getByTestId("session")).toHaveCount(1);
  });

  test("refuses a wrong token, a foreign Origin and a foreign Host, each with a clear status", async () => {
    const url = new URL(dev.inspectorUrl);
    const { WebSocket } = await import("ws");
    const attempt = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        const ws = new WebSocket(`ws://${url.host}${path}`, { headers });
        ws.on("unexpected-response", (_req, res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        ws.on("open", () => {
          ws.close();
          resolve({ status: 101, body: "" });
        });
        ws.on("error", () => {});
      });
    const token = url.searchParams.get("token")!;
    expect(await attempt("/channel?token=wrong")).toMatchObject({ status: 401, body: expect.stringMatching(/wrong token/) });
    expect(await attempt("/channel")).toMatchObject({ status: 401 });
    expect(await attempt(`/channel?token=${token}`, { Origin: "http://evil.example" })).toMatchObject({ status: 403, body: expect.stringMatching(/the page at http:\/\/evil\.example/) });
    expect(await attempt(`/channel?token=${token}`, { Host: `evil.example:${url.port}` })).toMatchObject({ status: 403, body: expect.stringMatching(/"evil\.example".*--allowed-hosts/) });
    expect(await attempt(`/channel?token=${token}`, { Origin: url.origin })).toMatchObject({ status: 101 });
    const channel = await dev.channel();
    expect(channel.messages[0]).toMatchObject({ type: "hello", version: 1 });
    channel.close();
  });
});
