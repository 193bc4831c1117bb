import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type Page } from "@playwright/test";
import WebSocket from "ws";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { key } from "../support/locators.ts";

/**
 * The inspector as a developer uses it: `weft dev` prints the Inspector URL, the page finds the
 * session, shows the same controls as the app, edits a prop the app then shows, lists the
 * messages a click makes with its causal chain, highlights and picks controls in the app page,
 * travels back in time, evaluates in the session, and refuses a page without the token.
 */
const APP = "test/fixtures/inspector/inspectedApp.ts";
const root = fileURLToPath(new URL("../..", import.meta.url));
mkdirSync(join(root, ".tmp"), { recursive: true });

let weft: WeftProcess;
test.beforeAll(async () => {
  weft = await startWeft("dev", [APP]);
});
test.afterAll(async () => {
  await weft?.stop();
});

const treeNode = (inspector: Page, id: string | number) => inspector.locator(`[data-testid="tree-node"][data-weft-id="${id}"]`);

/** A fresh app tab and an inspector on its session. */
async function open(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const app = await context.newPage();
  await app.goto(weft.url);
  await expect(key(app, "count")).toHaveText("0");
  const sessionId = await app.evaluate(() => sessionStorage.getItem("weft:session"));
  const inspector = await context.newPage();
  await inspector.goto(weft.urls.Inspector!);
  const session = inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`);
  await expect(session).toBeVisible();
  await session.click();
  await expect(treeNode(inspector, await key(app, "count").getAttribute("data-weft-id") as string)).toBeVisible();
  return { context, app, inspector, sessionId: sessionId! };
}

test("weft dev prints an Inspector URL that carries its token", () => {
  expect(weft.urls.Inspector).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
});

test("finds the session and shows the same controls as the app, with keys and texts", async ({ browser }) => {
  const { context, app, inspector, sessionId } = await open(browser);
  await expect(inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`)).toContainText("connected");
  const appIds = await app.locator("[data-weft-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-weft-id")));
  const treeIds = await inspector.locator('[data-testid="tree-node"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-weft-id")));
  // Every control the app page draws is in the tree (the tree also has the page and its view).
  expect(appIds.length).toBeGreaterThan(8);
  for (const id of appIds) expect(treeIds).toContain(id);
  const countId = await key(app, "count").getAttribute("data-weft-id");
  await expect(treeNode(inspector, countId!)).toContainText('Text#count"0"');

  // The tree follows the app by small patches: a click changes the summary, an added item appears.
  await key(app, "inc").click();
  await expect(treeNode(inspector, countId!)).toContainText('"1"');
  await key(app, "add").click();
  const itemId = await key(app, "item-1").getAttribute("data-weft-id");
  await expect(treeNode(inspector, itemId!)).toContainText('#item-1"item 1"');

  // Search by key selects the match.
  await inspector.getByLabel("Search the tree").fill("#inc");
  await inspector.getByLabel("Search the tree").press("Enter");
  await expect(inspector.locator('[data-testid="props"]')).toHaveAttribute("data-weft-id", (await key(app, "inc").getAttribute("data-weft-id"))!);
  await context.close();
});

test("selecting a control fetches its props; editing one changes the app page", async ({ browser }) => {
  const { context, app, inspector } = await open(browser);
  const countId = (await key(app, "count").getAttribute("data-weft-id"))!;
  await treeNode(inspector, countId).click();
  const value = inspector.locator('[data-testid="prop-row"][data-prop="value"] [data-testid="prop-input"]');
  await expect(value).toHaveValue("0");
  await value.fill("41");
  await value.press("Enter");
  await expect(key(app, "count")).toHaveText("41");
  // The app's own handler keeps working from the edited value.
  await key(app, "inc").click();
  await expect(key(app, "count")).toHaveText("42");
  await expect(value).toHaveValue("42");

  // A number and a boolean.
  await treeNode(inspector, countId).click();
  const size = inspector.locator('[data-testid="prop-row"][data-prop="size"] [data-testid="prop-input"]');
  await size.fill("40");
  await size.press("Enter");
  await expect.poll(() => key(app, "count").evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBe(40);
  await treeNode(inspector, (await key(app, "done").getAttribute("data-weft-id"))!).click();
  await inspector.locator('[data-testid="prop-row"][data-prop="value"] [data-testid="prop-input"]').check();
  await expect(key(app, "done").locator("input")).toBeChecked();

  // Handlers are listed with where they are defined.
  await treeNode(inspector, (await key(app, "inc").getAttribute("data-weft-id"))!).click();
  await expect(inspector.locator('[data-testid="handler"]')).toContainText(/onClick\s*inspectedApp\.ts:\d+:\d+/);
  await context.close();
});

test("a click shows its message rows in and out, and its causal chain with the browser's round trip", async ({ browser }) => {
  const { context, app, inspector } = await open(browser);
  const rows = inspector.locator('[data-testid="message-row"]');
  await expect(rows.filter({ hasText: "registered" })).toHaveCount(1);
  const before = await rows.count();
  await key(app, "inc").click();
  await expect(key(app, "count")).toHaveText("1");
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(before + 2);
  const event = inspector.locator('[data-testid="message-row"][data-direction="in"][data-kind="event"]').last();
  await expect(event).toContainText("click");
  await expect(event).toContainText("Button#inc");
  await expect(inspector.locator('[data-testid="message-row"][data-direction="out"][data-kind="patch"]').last()).toContainText("patch · 1 op");
  await expect(inspector.getByTestId("message-totals")).toContainText(/msgs · ▲ \d+/);

  await event.click();
  const chain = inspector.getByTestId("causal-chain");
  await expect(chain).toContainText("click on Button#inc");
  await expect(chain).toContainText(/handler\s*[\d.]+ (µs|ms)/);
  await expect(chain).toContainText("Text#count value");
  await expect(chain).toContainText(/patch\s*#\d+ \d+ B, 1 op/);
  await expect(chain).toContainText(/browser\s*[\d.]+ (µs|ms) from the click to the change drawn/);
  // The payload is readable JSON with the id named.
  await expect(inspector.getByTestId("message-detail")).toContainText("‹Button#inc›");

  // Filter, pause.
  await inspector.getByLabel("Filter messages").fill("patch");
  await expect(inspector.locator('[data-testid="message-row"][data-direction="in"]')).toHaveCount(0);
  await inspector.getByLabel("Filter messages").fill("");
  await inspector.getByTestId("pause").click();
  const paused = await rows.count();
  await key(app, "inc").click();
  await expect(key(app, "count")).toHaveText("2");
  await expect(inspector.getByTestId("pause")).toContainText("resume (+");
  expect(await rows.count()).toBe(paused);
  await inspector.getByTestId("pause").click();
  await expect.poll(() => rows.count()).toBeGreaterThan(paused);

  // A handler that throws is in the chain and in the errors.
  await key(app, "boom").click();
  const boom = inspector.locator('[data-testid="message-row"][data-kind="event"]').last();
  await expect(boom).toContainText("Button#boom");
  await boom.click();
  await expect(chain).toContainText("threw: boom from the handler");
  await context.close();
});

test("hovering a tree node outlines the control in the app; pick mode selects the clicked control", async ({ browser }) => {
  const { context, app, inspector } = await open(browser);
  const incId = (await key(app, "inc").getAttribute("data-weft-id"))!;
  await treeNode(inspector, incId).hover();
  const outline = app.locator('[data-weft-devtools="highlight"]');
  await expect(outline).toBeVisible();
  await expect(outline).toContainText("Button#inc");
  const [box, target] = await Promise.all([outline.boundingBox(), key(app, "inc").boundingBox()]);
  expect(Math.abs(box!.x - target!.x)).toBeLessThan(3);
  await inspector.getByTestId("tree-matches").count(); // no search: nothing to show
  await inspector.locator(".tree").hover({ position: { x: 5, y: 5 } });
  await inspector.mouse.move(1399, 899);
  await expect(outline).toHaveCount(0);

  // Pick: the control the pointer is over already is outlined at once, before the pointer moves;
  // the click selects the control in the inspector and does not reach the app.
  await key(app, "count").hover();
  await expect(outline).toHaveCount(0);
  await inspector.getByTestId("pick").click();
  await expect(inspector.getByTestId("pick")).toHaveAttribute("aria-pressed", "true");
  await expect(outline).toContainText("Text#count");
  await key(app, "inc").hover();
  await expect(outline).toContainText("Button#inc");
  await key(app, "inc").click();
  await expect(inspector.locator('[data-testid="props"]')).toHaveAttribute("data-weft-id", incId);
  await expect(inspector.getByTestId("pick")).toHaveAttribute("aria-pressed", "false");
  await expect(key(app, "count")).toHaveText("0");
  await expect(treeNode(inspector, incId)).toHaveAttribute("aria-selected", "true");
  await context.close();
});

test("time travel shows the tree as it was after an earlier message, with the next change's values", async ({ browser }) => {
  const { context, app, inspector } = await open(browser);
  const countId = (await key(app, "count").getAttribute("data-weft-id"))!;
  for (let i = 1; i <= 3; i++) {
    await key(app, "inc").click();
    await expect(key(app, "count")).toHaveText(String(i));
  }
  await expect(treeNode(inspector, countId)).toContainText('"3"');
  // The tab reports each click's round trip a frame after its patch: with the third one in, the
  // last message is a devtools frame, which must not change where ▶ ends.
  const timings = () => inspector.evaluate(() => window.__inspector!.traffic.log.all().filter((r) => r.kind === "timing").length);
  await expect.poll(timings).toBe(3);
  // Step back patch by patch with the ◀ button.
  const back = inspector.getByRole("button", { name: "Back to the previous patch" });
  const forward = inspector.getByRole("button", { name: "Forward to the next patch" });
  const lastPatch = await inspector.evaluate(() => window.__inspector!.traffic.log.patchSeqs.at(-1)!);
  await back.click();
  await expect(treeNode(inspector, countId)).toContainText('"2"');
  await expect(inspector.getByTestId("time-travel")).toContainText('Text#count value "2" → "3"');
  // "Next:" names the patch that comes next (the one that made it "3"), not the message before it.
  await expect(inspector.getByTestId("time-travel")).toContainText(`Next: patch #${lastPatch} · 1 change`);
  // ▶ undoes ◀: the tree after that very patch, which is the live one (only the devtools' timing
  // came after it), then ◀ again the one before it.
  await forward.click();
  await expect(treeNode(inspector, countId)).toContainText('"3"');
  await expect(inspector.getByTestId("time-travel-live")).toHaveAttribute("aria-pressed", "true");
  await back.click();
  await expect(treeNode(inspector, countId)).toContainText('"2"');
  await back.click();
  await back.click();
  await expect(treeNode(inspector, countId)).toContainText('"0"');
  await expect(inspector.getByTestId("time-travel")).toContainText('value "0" → "1"');
  // The app is untouched; live again follows it.
  await expect(key(app, "count")).toHaveText("3");
  await inspector.getByTestId("time-travel-live").click();
  await expect(treeNode(inspector, countId)).toContainText('"3"');
  await context.close();
});

test("the terminal shows the app's output and evaluates in the session with $sel", async ({ browser }) => {
  const { context, app, inspector } = await open(browser);
  const countId = (await key(app, "count").getAttribute("data-weft-id"))!;
  await treeNode(inspector, countId).click();
  await inspector.getByTestId("tab-terminal").click();
  const terminal = inspector.getByTestId("terminal");
  await expect(terminal).toContainText("inspected app: main ran");
  const input = inspector.getByTestId("console-input");
  await input.fill('$sel.value = "from the console"');
  await input.press("Enter");
  await expect(key(app, "count")).toHaveText("from the console");
  await input.fill("$page.controls.length + 40");
  await input.press("Enter");
  await expect(terminal).toContainText("41");
  await input.fill("missing.thing");
  await input.press("Enter");
  await expect(terminal).toContainText("missing is not defined");
  await context.close();
});

test("a crashed session shows its error and what it built before", async ({ browser }) => {
  const crash = await startWeft("dev", ["test/fixtures/inspector/crashApp.ts"]);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const app = await context.newPage();
    await app.goto(crash.url);
    const inspector = await context.newPage();
    await inspector.goto(crash.urls.Inspector!);
    const session = inspector.getByTestId("session").first();
    await expect(session).toContainText("crashed");
    await session.click();
    await expect(inspector.getByTestId("postmortem")).toContainText("main failed on purpose");
    // What main built before it threw is in the tree.
    await expect(inspector.locator('[data-testid="tree-node"]').filter({ hasText: '#before"before the crash"' })).toHaveCount(1);
    await context.close();
  } finally {
    await crash.stop();
  }
});

test("stays virtualized and searchable with 10,000 controls", async ({ browser }) => {
  const big = await startWeft("dev", ["test/fixtures/inspector/bigApp.ts"]);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const app = await context.newPage();
    await app.goto(big.url);
    await expect(key(app, "cell-99-98")).toBeAttached({ timeout: 20_000 });
    const inspector = await context.newPage();
    await inspector.goto(big.urls.Inspector!);
    await expect(inspector.getByText("10,003 controls")).toBeVisible({ timeout: 20_000 });
    expect(await inspector.locator('[data-testid="tree-node"]').count()).toBeLessThan(120);
    await inspector.getByLabel("Search the tree").fill("cell-77-5");
    await expect(inspector.getByTestId("tree-matches")).toHaveText("1/11");
    await inspector.getByLabel("Search the tree").press("Enter");
    const id = (await key(app, "cell-77-5").getAttribute("data-weft-id"))!;
    await expect(treeNode(inspector, id)).toHaveAttribute("aria-selected", "true");
    await context.close();
  } finally {
    await big.stop();
  }
});

test.describe("refusals", () => {
  test("the inspector page without the token is refused and shows no session", async ({ page }) => {
    const url = new URL(weft.urls.Inspector!);
    url.search = "";
    await page.goto(url.href);
    await expect(page.getByTestId("channel-refused")).toContainText("token");
    await expect(page.getByTestId("session")).toHaveCount(0);
  });

  test("the channel answers 401 without the token, 403 to a foreign origin, and opens with both right", async () => {
    const inspector = new URL(weft.urls.Inspector!);
    const token = inspector.searchParams.get("token")!;
    const channel = `ws://${inspector.host}/channel`;
    const attempt = (url: string, origin?: string) =>
      new Promise<number | "open">((resolve) => {
        const ws = new WebSocket(url, origin ? { origin } : {});
        ws.on("open", () => {
          ws.close();
          resolve("open");
        });
        ws.on("unexpected-response", (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on("error", () => {});
      });
    expect(await attempt(channel)).toBe(401);
    expect(await attempt(`${channel}?token=wrong-${token}`)).toBe(401);
    expect(await attempt(`${channel}?token=${token}`, "http://evil.example")).toBe(403);
    expect(await attempt(`${channel}?token=${token}`, inspector.origin)).toBe("open");
  });
});

test("a save shows up as a swap report, and a broken save as the current error until the next good one", async ({ browser }) => {
  const dir = mkdtempSync(join(root, ".tmp", "inspector-swap-"));
  const file = join(dir, "app.ts");
  const source = readFileSync(join(root, APP), "utf8");
  writeFileSync(file, source);
  const swap = await startWeft("dev", [file]);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const app = await context.newPage();
    await app.goto(swap.url);
    await key(app, "inc").click();
    await expect(key(app, "count")).toHaveText("1");
    const inspector = await context.newPage();
    const said: string[] = [];
    inspector.on("console", (m) => said.push(`${m.type()}: ${m.text()}`));
    await inspector.goto(swap.urls.Inspector!);
    // Connected (its session listed) before the save; an inspector opened after the saves gets
    // the reports from the devserver's backlog (below).
    await expect(inspector.getByTestId("session")).toHaveCount(1);
    await inspector.getByTestId("tab-swaps").click();

    writeFileSync(file, source.replace('text: "add item"', 'text: "add an item"'));
    await expect(key(app, "add")).toHaveText("add an item");
    await expect(key(app, "count")).toHaveText("1"); // kept
    const report = inspector.getByTestId("swap").first();
    await expect(report)
      .toContainText("swapped", { timeout: 10_000 })
      .catch((err: unknown) => {
        // Once seen in CI and never here: say what the inspector and weft dev said.
        console.log(`inspector console:\n${said.join("\n")}\nweft dev:\n${swap.output()}`);
        throw err;
      });
    await expect(report).toContainText("app.ts");
    await expect(report).toContainText("1 session kept");

    writeFileSync(file, source.replace("export default function main", "export default function main(("));
    await expect(inspector.getByTestId("build-error")).toContainText(/app\.ts:\d+:\d+/);
    writeFileSync(file, source);
    await expect(inspector.getByTestId("build-error")).toHaveCount(0);
    await expect(key(app, "add")).toHaveText("add item");

    // An inspector opened later lists the same reports, newest first (get-swaps).
    await expect.poll(() => inspector.getByTestId("swap").count()).toBeGreaterThanOrEqual(2);
    const shown = await inspector.getByTestId("swap").count();
    const late = await context.newPage();
    await late.goto(swap.urls.Inspector!);
    await late.getByTestId("tab-swaps").click();
    await expect(late.getByTestId("swap")).toHaveCount(shown);
    await expect(late.getByTestId("swap").first()).toContainText("1 session kept");
    await context.close();
  } finally {
    await swap.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
