import { expect, test, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

/**
 * The `Sec-WebSocket-Extensions` of each WebSocket handshake response the page sees, by URL
 * path, from Chromium's own network events (the DevTools protocol): what Chromium agreed to.
 */
async function handshakes(page: Page): Promise<Map<string, string | undefined>> {
  const seen = new Map<string, string | undefined>();
  const cdp = await page.context().newCDPSession(page);
  const urls = new Map<string, string>();
  cdp.on("Network.webSocketCreated", (e) => urls.set(e.requestId, e.url));
  cdp.on("Network.webSocketHandshakeResponseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    seen.set(new URL(urls.get(e.requestId) ?? "ws://x/").pathname, headers["sec-websocket-extensions"]);
  });
  await cdp.send("Network.enable");
  return seen;
}

test.describe("weft run examples/gallery.ts: compressed", () => {
  const app = useWeft("run", ["examples/gallery.ts"]);

  test("the app's socket negotiates permessage-deflate with Chromium, and the page (a compressed first frame) works", async ({ page }) => {
    const seen = await handshakes(page);
    await page.goto(app.url);
    await expect(key(page, "section-components")).toBeVisible();
    await expect.poll(() => seen.get("/ws")).toMatch(/^permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=11/);
    await key(page, "component-inc").click();
    await expect(key(page, "component-count")).toHaveText("Clicked 1 times");
  });
});

test.describe("weft run examples/counter.ts --no-compression", () => {
  const app = useWeft("run", ["examples/counter.ts", "--no-compression"]);

  test("negotiates no extension, and the page works the same", async ({ page }) => {
    const seen = await handshakes(page);
    await page.goto(app.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    await expect.poll(() => seen.has("/ws")).toBe(true);
    expect(seen.get("/ws")).toBeUndefined();
  });
});

test.describe("weft dev examples/counter.ts: the inspector's channel", () => {
  const weft = useWeft("dev", ["examples/counter.ts"]);

  test("negotiates permessage-deflate with the inspector in Chromium, which shows the session's tree", async ({ browser }) => {
    const app = await browser.newPage();
    await app.goto(weft.url);
    await expect(key(app, "count")).toHaveText("0");
    const inspector = await browser.newPage();
    const seen = await handshakes(inspector);
    await inspector.goto(weft.urls.Inspector!);
    await expect(inspector.locator('[data-testid="tree-node"]').filter({ hasText: "count" }).first()).toBeVisible();
    await expect.poll(() => seen.get("/channel")).toMatch(/^permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=11/);
    await inspector.close();
    await app.close();
  });
});
