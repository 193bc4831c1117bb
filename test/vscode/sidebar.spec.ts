import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { startCodeServer, type CodeServer } from "./codeServer.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
// The workspace VS Code opens: a copy of examples/counter.ts inside the repository (so it
// resolves "weft"), in a folder with its own .vscode, which makes it the workspace `weft dev`
// writes its .weft/devserver-<pid>.json into. Outside test-results/, which the devserver does not watch.
const work = join(root, ".cache", "vscode-e2e");
const workspace = join(work, "workspace");
const app = join(workspace, "counter.ts");

let weft: WeftProcess;
let codeServer: CodeServer;

test.beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  // "Start weft dev for This File" runs this (a free port: 8550 may be taken on a shared machine).
  writeFileSync(join(workspace, ".vscode", "settings.json"), JSON.stringify({ "weft.devCommand": "npx weft dev --port 0" }, null, 2) + "\n");
  copyFileSync(join(root, "examples", "counter.ts"), app);
  weft = await startWeft("dev", [app]);
  codeServer = await startCodeServer({ entry: process.env.WEFT_CODE_SERVER_ENTRY!, vsix: process.env.WEFT_VSIX!, dir: join(work, "code-server") });
});

test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    console.log(`weft dev printed:\n${weft?.output().slice(-3000)}\ncode-server printed:\n${codeServer?.output().slice(-3000)}`);
  }
});

/** The running devservers of the workspace, by their .weft/devserver-<pid>.json, newest first. */
function devServers(): { pid: number; app: string; startedAt: number }[] {
  const dir = join(workspace, ".weft");
  const infos: { pid: number; app: string; startedAt: number }[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!/^devserver-\d+\.json$/.test(name)) continue;
    try {
      const info = JSON.parse(readFileSync(join(dir, name), "utf8")) as { pid: number; app: string; startedAt: number };
      process.kill(info.pid, 0);
      infos.push(info);
    } catch {
      // gone meanwhile
    }
  }
  return infos.sort((a, b) => b.startedAt - a.startedAt);
}

/** Stops the devservers the extension started in its terminals (code-server keeps them running when a window closes). */
async function stopOtherDevServers(): Promise<void> {
  for (const { pid } of devServers()) if (pid !== weft?.child.pid) process.kill(pid, "SIGTERM");
  await expect.poll(() => devServers().map((d) => d.pid)).toEqual(weft ? [weft.child.pid] : []);
}

test.afterAll(async () => {
  await stopOtherDevServers().catch((err: unknown) => console.log(`could not stop the terminals' devservers: ${String(err)}`));
  let t = Date.now();
  await codeServer?.stop();
  console.log("code-server stopped", Date.now() - t);
  t = Date.now();
  await weft?.stop();
  console.log("weft stopped", Date.now() - t);
});

/** Runs a command from the palette by its title. */
async function runCommand(page: Page, title: string) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await expect(input).toBeVisible();
  await input.fill(`>${title}`);
  await expect(page.locator(".quick-input-list .monaco-list-row").first()).toContainText(title);
  await page.keyboard.press("Enter");
}

const cursor = (page: Page) => page.locator("#status\\.editor\\.selection");
/** The extension's status bar item (VS Code prefixes its id with the extension's). */
const status = (page: Page) => page.locator('.statusbar-item[id$="weft.status"]');

test("the sidebar shows a running example's sessions and live tree, and reveals controls and handlers in the editor", async ({ page, browser }) => {
  // A browser tab on the app: the session the sidebar should show.
  const appPage = await browser.newPage();
  await appPage.goto(weft.url);
  await expect(appPage.locator('[data-weft-key="count"]')).toHaveText("0");

  await page.goto(codeServer.folderUrl(workspace));
  await expect(page.locator(".monaco-workbench")).toBeVisible({ timeout: 30_000 });
  await page.locator('.activitybar a.action-label[aria-label^="weft"]').click();

  const sessions = page.locator('[id="workbench.view.extension.weft"] .pane').filter({ has: page.locator('.pane-header[aria-label^="Sessions"]') });
  const tree = page.locator('[id="workbench.view.extension.weft"] .pane').filter({ has: page.locator('.pane-header[aria-label^="Control Tree"]') });

  // Connected by itself (through .weft/devserver-<pid>.json), the session listed and its tree shown.
  await expect(sessions.locator(".monaco-list-row")).toHaveCount(1, { timeout: 30_000 });
  await expect(sessions.locator(".monaco-list-row")).toContainText("Counter");
  await expect(status(page)).toContainText("weft: 1 session");
  const row = (label: string) => tree.locator(`.monaco-list-row[aria-label^='${label}']`);
  await expect(row('Button#inc')).toBeVisible();
  await expect(row('Button#dec')).toBeVisible();
  await expect(row('Text#count')).toBeVisible();

  // The Messages view (a webview) lists the session's frames: a click in the app is an event up
  // and a patch down; a row opens onto the frame's text.
  await appPage.locator('[data-weft-key="inc"]').click();
  await expect(appPage.locator('[data-weft-key="count"]')).toHaveText("1");
  const messages = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
  await expect(messages.locator('[data-testid="message-row"][data-direction="in"]').filter({ hasText: "event" })).toHaveCount(1);
  await expect(messages.locator('[data-testid="message-row"][data-direction="out"]').filter({ hasText: "patch" }).last()).toBeVisible();
  await messages.locator('[data-testid="message-row"][data-direction="in"]').filter({ hasText: "event" }).click();
  await expect(messages.locator("#detail-text")).toContainText('"name": "click"');

  // A second tab is a second session, listed without a refresh.
  const second = await browser.newPage();
  await second.goto(weft.url);
  await expect(sessions.locator(".monaco-list-row")).toHaveCount(2);
  await second.close();

  // Reveal in editor: the line that created the + button…
  await row('Button#inc').click();
  await row('Button#inc').locator('.action-label[aria-label="Reveal in Editor"]').click();
  await expect(page.locator(".tab.active")).toContainText("counter.ts");
  await expect(cursor(page)).toHaveText(/Ln 18, Col 9\b/);

  // …and its click handler's definition (the arrow `step(1)` returned, on line 7).
  await row('Button#inc').click();
  await runCommand(page, "weft: Go to Handler");
  await expect(cursor(page)).toHaveText(/Ln 7, Col \d+/);

  // Select the control at the cursor: line 16 made the - button.
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+g");
  await page.keyboard.type("16");
  await page.keyboard.press("Enter");
  await expect(cursor(page)).toHaveText(/Ln 16\b/);
  await runCommand(page, "weft: Select Control at Cursor");
  await expect(row('Button#dec')).toHaveAttribute("aria-selected", "true");

  // Hovering a row outlines its control in the app's tab, with its name, as the inspector's rows
  // do; the outline goes once the pointer has left, and comes again on the next hover.
  const outline = appPage.locator('[data-weft-devtools="highlight"]');
  await row('Text#count').hover();
  await expect(outline).toContainText("Text#count");
  const [box, count] = await Promise.all([outline.boundingBox(), appPage.locator('[data-weft-key="count"]').boundingBox()]);
  expect(Math.abs(box!.x - count!.x)).toBeLessThan(3);
  await page.locator(".monaco-editor .view-lines").first().hover();
  await expect(outline).toHaveCount(0);
  await row('Text#count').hover();
  await expect(outline).toContainText("Text#count");

  // Pick: a click on the + button in the app selects it in the tree, and does not reach the app.
  // (The pointer comes from elsewhere, as from VS Code: the tab's picker outlines what it enters.)
  await runCommand(page, "weft: Pick a Control in the App");
  // The command reaches the tab through the devserver: hover only once the tab's picker is on
  // (its crosshair), or the hover lands before it and the click goes to the app.
  await expect(appPage.locator("html")).toHaveCSS("cursor", "crosshair", { timeout: 20_000 });
  await appPage.locator('[data-weft-key="count"]').hover();
  await expect(outline).toContainText("Text#count");
  await appPage.locator('[data-weft-key="inc"]').hover();
  await expect(outline).toContainText("Button#inc");
  await appPage.locator('[data-weft-key="inc"]').click();
  await expect(row('Button#inc')).toHaveAttribute("aria-selected", "true");
  await expect(appPage.locator('[data-weft-key="count"]')).toHaveText("1");

  // A save is swapped in: the tree grows a row by itself, the Swaps view and status bar say so.
  const source = readFileSync(app, "utf8");
  writeFileSync(app, source.replace("        count,\n", '        count,\n        new Text({ value: "new", key: "added" }),\n'));
  await expect(row('Text#added')).toBeVisible();
  const swaps = page.locator('[id="workbench.view.extension.weft"] .pane').filter({ has: page.locator('.pane-header[aria-label^="Swaps"]') });
  await expect(swaps.locator(".monaco-list-row").first()).toContainText(/#\d+ swapped in \d+ ms \(counter\.ts\)/);
  await expect(status(page)).toContainText(/swap \d+ ms/);
  await expect(appPage.locator('[data-weft-key="added"]')).toHaveText("new");

  // A save that cannot be taken is a diagnostic on its line.
  writeFileSync(app, source.replace("const count = new Text", "const count = = new Text"));
  await expect(status(page)).toContainText("build error");
  await expect(swaps.locator(".monaco-list-row").first()).toContainText("Build error");
  await runCommand(page, "View: Focus Problems");
  await expect(page.locator(".markers-panel .monaco-list-row").filter({ hasText: "weft dev" })).toContainText("[Ln 6");
  writeFileSync(app, source);
  await expect(status(page)).not.toContainText("build error");

  // The inspector opens in a panel: the page weft dev serves, framed (the webview's CSP lets it),
  // listing the sessions.
  await runCommand(page, "weft: Open Inspector");
  await expect(page.getByRole("tab", { name: /^weft Inspector/ })).toBeVisible();
  const inspectorOrigin = new URL(weft.urls.Inspector!).origin;
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(inspectorOrigin))).toBe(true);
  const inspector = page.frames().find((f) => f.url().startsWith(inspectorOrigin))!;
  await expect(inspector.locator('[data-testid="session"]').first()).toBeVisible();

  // Start weft dev for this file, from the editor: a newer devserver of the same workspace, in a
  // terminal; the sidebar moves to it by itself (it has no session yet).
  await page.getByRole("tab", { name: /^counter\.ts/ }).click();
  await runCommand(page, "weft: Start weft dev for This File");
  await expect(page.getByRole("tab", { name: /weft dev counter\.ts/ }).or(page.locator(".terminal-tab, .single-terminal-tab").filter({ hasText: "weft dev counter.ts" })).first()).toBeVisible();
  await expect(status(page)).toContainText("weft: 0 sessions", { timeout: 90_000 });
  await expect(sessions.locator(".monaco-list-row")).toHaveCount(0);
});

test("after Disconnect the sidebar stays off, and joins again on Start weft dev for This File, Connect… and a devserver that starts", async ({ page, browser }) => {
  // One devserver runs (the earlier test's terminal is stopped): it is followed by itself.
  await stopOtherDevServers();
  await page.goto(codeServer.folderUrl(workspace));
  await expect(page.locator(".monaco-workbench")).toBeVisible({ timeout: 30_000 });
  await page.locator('.activitybar a.action-label[aria-label^="weft"]').click();
  const sessions = page.locator('[id="workbench.view.extension.weft"] .pane').filter({ has: page.locator('.pane-header[aria-label^="Sessions"]') });
  const tree = page.locator('[id="workbench.view.extension.weft"] .pane').filter({ has: page.locator('.pane-header[aria-label^="Control Tree"]') });
  const shownApp = () => sessions.locator(".pane-header .description");
  const host = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");
  await expect(status(page)).toContainText(/weft: \d+ session/, { timeout: 30_000 });
  await expect(shownApp()).toHaveText(host(weft.url));

  const openApp = async () => {
    await page.keyboard.press("Control+p");
    await page.locator(".quick-input-widget input").fill("counter.ts");
    await expect(page.locator(".quick-input-list .monaco-list-row").first()).toContainText("counter.ts");
    await page.keyboard.press("Enter");
    await expect(page.locator(".tab.active")).toContainText("counter.ts");
  };
  const started: WeftProcess[] = [];
  try {
    // Another devserver of the same app runs too (started in some terminal).
    started.push(await startWeft("dev", [app], { timeoutMs: 90_000 }));
    await expect.poll(() => devServers().length).toBe(2);

    // Disconnect: the sidebar does not jump to the other one, not even when the editor shows its app.
    await runCommand(page, "weft: Disconnect");
    await expect(status(page)).not.toContainText("session");
    await runCommand(page, "View: Close All Editors");
    await openApp();
    await runCommand(page, "weft: Choose weft dev");
    await expect(page.locator(".quick-input-list .monaco-list-row")).toHaveCount(2);
    await expect(page.locator(".quick-input-list .monaco-list-row").filter({ hasText: "shown" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(status(page)).not.toContainText("session");

    // Start weft dev for This File, from the Sessions view's button: the devserver it started is
    // followed, its session and tree shown.
    const before = devServers()[0]!.startedAt;
    await sessions.getByRole("button", { name: "Start weft dev for This File" }).click();
    // (npx weft dev in a new terminal: slow on a loaded machine)
    await expect.poll(() => devServers()[0]!.startedAt, { timeout: 90_000 }).toBeGreaterThan(before);
    const fromEditor = devServers()[0]!;
    await expect(shownApp()).toHaveText(host(fromEditor.app), { timeout: 30_000 });
    const appPage = await browser.newPage();
    await appPage.goto(fromEditor.app);
    await expect(appPage.locator('[data-weft-key="count"]')).toHaveText("0");
    await expect(status(page)).toContainText("weft: 1 session");
    await expect(tree.locator(".monaco-list-row[aria-label^='Button#inc']")).toBeVisible();

    // Disconnect, then Connect… (the Sessions view's button) with the URL it offers: the newest devserver's.
    await runCommand(page, "weft: Disconnect");
    await expect(status(page)).not.toContainText("session");
    await sessions.getByRole("button", { name: "Connect to a URL…" }).click();
    await expect(page.locator(".quick-input-widget input")).toHaveValue(/token=/);
    await page.keyboard.press("Enter");
    await expect(status(page)).toContainText("weft: 1 session");
    await expect(shownApp()).toHaveText(host(fromEditor.app));
    await expect(tree.locator(".monaco-list-row[aria-label^='Button#inc']")).toBeVisible();

    // Disconnect, then a devserver starts by itself (a terminal, a script): followed.
    await runCommand(page, "weft: Disconnect");
    await expect(status(page)).not.toContainText("session");
    started.push(await startWeft("dev", [app], { timeoutMs: 90_000 }));
    await expect(shownApp()).toHaveText(host(started[1]!.url), { timeout: 30_000 });
    await expect(status(page)).toContainText("weft: 0 sessions");
    await appPage.close();
  } finally {
    for (const weft of started) await weft.stop();
  }
});
