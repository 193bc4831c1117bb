import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { cdpBounds, connectToWindow, startProcess, xdotool, xGeometry, xWindowByName, type DesktopProcess } from "../support/desktopWindow.ts";
import { hasOpenbox, hasXvfb, startOpenbox, startXvfb, type Xvfb } from "../support/xvfb.ts";
import { key } from "../support/locators.ts";
import { startDevApp } from "../fixtures/dev/devApp.ts";

/**
 * `--view desktop` on a real X server (Xvfb) with Debian's Chromium: the window weft opens, as
 * the X server and the browser's DevTools see it, driven by the app and by X input as a user's
 * mouse and keyboard would. The window runs without a window manager, so it has no frame:
 * its X geometry is exactly its bounds.
 */
const app = "test/fixtures/desktop/windowApp.ts";
const title = "weft desktop test";

test.skip(!hasXvfb(), "Xvfb is not installed (apt-get install xvfb; .ci/run installs it)");

let xvfb: Xvfb;
let cacheHome: string;
test.beforeAll(async () => {
  xvfb = await startXvfb();
});
test.afterAll(async () => xvfb?.stop());
test.beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), "weft-desktop-"));
});
test.afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));

const env = (extra: NodeJS.ProcessEnv = {}) => ({
  DISPLAY: xvfb.display,
  CHROME_PATH: "/usr/bin/chromium",
  // No GPU under Xvfb; the port lets the test look at the window through DevTools as well.
  WEFT_BROWSER_FLAGS: "--disable-gpu --remote-debugging-port=0",
  XDG_CACHE_HOME: cacheHome,
  ...extra,
});

async function waitForXWindow(name: string, display = xvfb.display): Promise<string> {
  let id: string | null = null;
  await expect.poll(() => (id = xWindowByName(display, name)), { timeout: 20_000 }).not.toBeNull();
  return id!;
}

test("opens the app's window with its title at the size it set, follows the app's and the user's resizes, and holds a close for the app", async ({}, testInfo) => {
  const proc: DesktopProcess = startProcess(["cli/bin/weft.js", "run", app, "--view", "desktop"], env({ WEFT_TEST_PREVENT_CLOSE: "1" }));
  try {
    await proc.waitFor(/^Window: Chromium \(\/usr\/bin\/chromium\)$/m);
    const id = await waitForXWindow(title);
    const { browser, page, cdp } = await connectToWindow(cacheHome);
    try {
      // The size and place main gave page.window, from the first frame: X and DevTools agree.
      expect(xGeometry(xvfb.display, id)).toEqual({ left: 40, top: 30, width: 520, height: 400 });
      expect(await cdpBounds(cdp)).toMatchObject({ left: 40, top: 30, width: 520, height: 400, windowState: "normal" });
      await expect(page).toHaveTitle(title);
      expect(page.url()).not.toContain("weft-window="); // the token left the address

      // The app resizes its window from a handler.
      await key(page, "grow").click();
      await expect.poll(() => xGeometry(xvfb.display, id), { timeout: 10_000 }).toEqual({ left: 40, top: 30, width: 700, height: 500 });
      expect(await cdpBounds(cdp)).toMatchObject({ width: 700, height: 500 });
      await expect(key(page, "last-event")).toHaveText("resized 700x500+40+30");

      // The user resizes it (X input): page.window reads it back and the app hears of it.
      xdotool(xvfb.display, "windowsize", id, "640", "480");
      await expect(key(page, "last-event")).toHaveText("resized 640x480+40+30", { timeout: 10_000 });
      // Below minWidth/minHeight: the window snaps back to them.
      xdotool(xvfb.display, "windowsize", id, "200", "150");
      await expect.poll(() => xGeometry(xvfb.display, id), { timeout: 10_000 }).toMatchObject({ width: 300, height: 250 });
      await expect(key(page, "last-event")).toHaveText("resized 300x250+40+30");

      await key(page, "center").click();
      await expect.poll(() => xGeometry(xvfb.display, id), { timeout: 10_000 }).toEqual({ left: 490, top: 275, width: 300, height: 250 });
      await key(page, "grow").click();
      await expect.poll(() => xGeometry(xvfb.display, id), { timeout: 10_000 }).toMatchObject({ width: 700, height: 500 });
      execFileSync("import", ["-window", "root", testInfo.outputPath("desktop-window.png")], { env: { ...process.env, DISPLAY: xvfb.display } });

      // Ctrl+W in the window, as a user closes it: preventClose holds it and tells the app.
      const { left, top } = xGeometry(xvfb.display, id);
      xdotool(xvfb.display, "mousemove", String(left + 200), String(top + 300));
      xdotool(xvfb.display, "key", "ctrl+w");
      await proc.waitFor(/^window event: close /m);
      await expect(key(page, "last-event")).toHaveText(/^close /);
      expect(xWindowByName(xvfb.display, title)).toBe(id);
      expect(proc.child.exitCode).toBeNull();

      // The app decides: page.window.destroy() closes the window and ends the app.
      await key(page, "quit").click();
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toMatch(/^onClose ran$/m);
      expect(xWindowByName(xvfb.display, title)).toBeNull();
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    await proc.stop();
  }
});

test("closing the window ends the app: exit 0, after its onClose", async () => {
  const proc = startProcess(["cli/bin/weft.js", "run", app, "--view", "desktop"], env());
  try {
    const id = await waitForXWindow(title);
    const { browser, page } = await connectToWindow(cacheHome);
    await expect(key(page, "grow")).toBeVisible(); // the app is up in the window
    await browser.close(); // disconnects the test's DevTools client; the window stays
    expect(xWindowByName(xvfb.display, title)).toBe(id);
    // Without a window manager the keyboard follows the pointer: move it in, as a user would.
    const { left, top } = xGeometry(xvfb.display, id);
    xdotool(xvfb.display, "mousemove", String(left + 200), String(top + 300));
    xdotool(xvfb.display, "key", "ctrl+w");
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/^onClose ran$/m);
    expect(proc.output()).not.toMatch(/window event: close/);
  } finally {
    await proc.stop();
  }
});

test("run(main, { view: 'desktop' }) from a plain script opens the window; closing it returns from run", async () => {
  const proc = startProcess(["--import", "tsx", "test/fixtures/desktop/runScript.ts"], env());
  try {
    const id = await waitForXWindow("weft run() script");
    expect(xGeometry(xvfb.display, id)).toMatchObject({ width: 360, height: 300 });
    const { browser, page } = await connectToWindow(cacheHome);
    await expect(page.getByText("run() from a script")).toBeVisible();
    await browser.close();
    const { left, top } = xGeometry(xvfb.display, id);
    xdotool(xvfb.display, "mousemove", String(left + 100), String(top + 100));
    await proc.waitFor(/^window event: focus$/m); // the pointer brought the keyboard focus
    xdotool(xvfb.display, "key", "ctrl+w");
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/^run\(\) returned$/m);
  } finally {
    await proc.stop();
  }
});

test("weft dev --view desktop: the window stays open across a swap, keeps its state, and the inspector sees its session", async ({ page: inspector }) => {
  const dev = await startDevApp("../desktop/windowApp.ts", env(), undefined, ["--view", "desktop"]);
  try {
    const id = await waitForXWindow(title);
    const { browser, page } = await connectToWindow(cacheHome);
    try {
      await key(page, "grow").click();
      await expect.poll(() => xGeometry(xvfb.display, id), { timeout: 10_000 }).toMatchObject({ width: 700, height: 500 });
      xdotool(xvfb.display, "windowsize", id, "640", "480"); // the user's own size, which a swap must keep
      await expect(key(page, "last-event")).toHaveText("resized 640x480+40+30", { timeout: 10_000 });
      const sessionId = await page.evaluate(() => sessionStorage.getItem("weft:session"));

      const outcome = await dev.edit(['value: "A weft app in its own window"', 'value: "Swapped into the window"']);
      expect(outcome.kind).toBe("swapped");
      await expect(page.getByText("Swapped into the window")).toBeVisible();
      expect(xWindowByName(xvfb.display, title)).toBe(id); // the same window
      expect(xGeometry(xvfb.display, id)).toMatchObject({ width: 640, height: 480 });
      await expect(key(page, "last-event")).toHaveText("resized 640x480+40+30"); // the page's state
      expect(await page.evaluate(() => sessionStorage.getItem("weft:session"))).toBe(sessionId);

      await inspector.goto(dev.inspectorUrl);
      await expect(inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`)).toBeVisible();
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    await dev.stop();
  }
});

test.describe("under a window manager", () => {
  test.skip(!hasOpenbox(), "openbox is not installed (apt-get install openbox; .ci/run installs it)");

  test("the app maximizes and restores its window; page.window and onEvent follow the window manager", async ({}, testInfo) => {
    const screen = await startXvfb("1024x700x24");
    const wm = await startOpenbox(screen.display);
    const proc = startProcess(["cli/bin/weft.js", "run", app, "--view", "desktop"], { ...env(), DISPLAY: screen.display });
    try {
      const { browser, page } = await connectToWindow(cacheHome);
      try {
        await expect(key(page, "maximize")).toBeVisible();
        execFileSync("import", ["-window", "root", testInfo.outputPath("desktop-window-openbox.png")], { env: { ...process.env, DISPLAY: screen.display } });
        await key(page, "maximize").click();
        await proc.waitFor(/^window event: maximize \d+x\d+\+\d+\+\d+ maximized$/m);
        await expect(key(page, "last-event")).toHaveText(/ maximized$/);
        // Found by polling: the window manager may be reframing the window as it maximizes.
        const id = await waitForXWindow(title, screen.display);
        expect(xGeometry(screen.display, id).width).toBe(1024); // the whole screen's width
        await key(page, "restore").click();
        await proc.waitFor(/^window event: unmaximize /m);
        // back to the size and place it had (the window manager reports it in steps)
        await expect(key(page, "last-event")).toHaveText(/ 520x400\+40\+30$/);
        expect(proc.output()).toMatch(/^window event: unmaximize .*\n(window event: .*\n)*window event: resized 520x400/m);
        expect(xGeometry(screen.display, id)).toMatchObject({ width: 520, height: 400 });
      } finally {
        await browser.close().catch(() => {});
      }
    } finally {
      await proc.stop();
      await wm.stop();
      await screen.stop();
    }
  });
});
