import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { key } from "../support/locators.ts";
import { buildSite, previewSite, pythonServer, watchNetwork, type BuiltSite, type PlainServer } from "../support/staticSite.ts";
import type { WeftProcess } from "../support/weftProcess.ts";

/**
 * Static mode end to end: each example that needs no server, built with `weft build --static`
 * and served by `weft preview` (a static host's rules: files, and 404.html for the rest), or by
 * Python's http.server, which weft did not write. The app runs in the tab's Web Worker.
 */

/** Builds `app` and serves it with `weft preview` for the tests of the enclosing describe. */
function useSite(app: string, options: { base?: string } = {}) {
  let site: BuiltSite | undefined;
  let server: WeftProcess | undefined;
  test.beforeAll(async () => {
    site = await buildSite(app, options);
    server = await previewSite(site);
  });
  test.afterAll(async () => {
    await server?.stop();
    site?.remove();
  });
  return {
    get url() {
      return server!.url;
    },
    get origin() {
      return new URL(server!.url).origin;
    },
  };
}

async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('[data-weft-type="Page"]')).toBeAttached();
}

test.describe("an app with a top-level await, built static", () => {
  const site = useSite("static/src/__tests__/fixtures/topLevelAwait.ts");

  // The page posts `register` before the worker listens (static/src/workerEntry.ts holds it).
  test("shows its page: the page's first message waited for the runtime to listen", async ({ page }) => {
    await page.goto(site.url);
    await expect(key(page, "greeting")).toHaveText("ready after a top-level await");
  });
});

test.describe("examples/counter.ts built static, on weft preview", () => {
  const site = useSite("examples/counter.ts");

  test("runs in the tab: clicks update it, no WebSocket opens, every request is the site's own", async ({ page, context }) => {
    const net = watchNetwork(page, site.origin);
    context.on("request", (r) => net.requests.push(r.url()));
    await page.goto(site.url);
    await expect(key(page, "count")).toHaveText("0");
    await key(page, "inc").click();
    await key(page, "inc").click();
    await key(page, "dec").click();
    await expect(key(page, "count")).toHaveText("1");
    await expect(page).toHaveTitle("Counter");
    expect(net.sockets).toEqual([]);
    expect(net.foreign).toEqual([]);
    // the app's worker script came from the site too
    expect(net.requests.some((u) => /\/_weft\/app-[\w-]+\.js$/.test(u))).toBe(true);
  });

  test("works offline after the first load, also after a reload", async ({ page, context }) => {
    await page.goto(site.url);
    await expect(key(page, "count")).toHaveText("0");
    // the service worker has precached the site and controls the page
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    });
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(key(page, "count")).toHaveText("0");
      await key(page, "inc").click();
      await expect(key(page, "count")).toHaveText("1");
      // a route never visited opens offline too (the cached page answers every navigation)
      await page.goto(site.url + "somewhere/else");
      await expect(key(page, "count")).toHaveText("0");
    } finally {
      await context.setOffline(false);
    }
  });

  // A host that sends a strict CSP (no inline script): the early worker start is refused, and the
  // renderer starts the worker itself (sitePage.ts); the page config is JSON, which CSP allows.
  test("runs under a host's strict Content-Security-Policy", async ({ page }) => {
    const policy = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'";
    await page.route(site.url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
    });
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(site.url);
    await expect(key(page, "count")).toHaveText("0");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    // What the policy refused: the one inline script, nothing the app needs.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((text) => /inline script/i.test(text)), refused.join("\n")).toBe(true);
  });

  test("is installable: a manifest with icons, display standalone, linked from the page", async ({ page, request }) => {
    await page.goto(site.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await request.get(new URL(href!, site.url).href)).json();
    expect(manifest).toMatchObject({ display: "standalone", start_url: "./", scope: "./" });
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const res = await request.get(new URL(icon.src, new URL(href!, site.url)).href);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()["content-type"]).toBe("image/png");
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });
});

test.describe("static features (test/fixtures/static/features.ts)", () => {
  const site = useSite("test/fixtures/static/features.ts");

  test("page.static, async handlers, runTask, clientStorage, page.session, dialogs, components and hooks", async ({ page }) => {
    await page.goto(site.url);
    await expect(key(page, "where")).toHaveText("static=true web=true pwa=false");
    await key(page, "async").click();
    await expect(key(page, "async-result")).toHaveText("async done");
    await key(page, "start-task").click();
    await expect(key(page, "task")).toHaveText("task done");
    await key(page, "visit").click();
    await key(page, "visit").click();
    await expect(key(page, "session")).toHaveText("2");
    await key(page, "open-dialog").click();
    await expect(key(page, "dialog").getByRole("dialog", { name: "Hello from the worker" })).toBeVisible();
    await key(page, "dialog-ok").click();
    await expect(key(page, "dialog-status")).toHaveText("closed by OK");
    await key(page, "open-dialog").click();
    // Escape reaches a dialog only once it is open (a round trip through the worker).
    await expect(key(page, "dialog").getByRole("dialog", { name: "Hello from the worker" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(key(page, "dialog-status")).toHaveText("dismissed");
    await key(page, "hook-button").click();
    await key(page, "hook-button").click();
    await expect(key(page, "hook-button")).toHaveText("Hooks: 2");
    await expect(key(page, "hook-effect")).toHaveText("effect ticking");
    // clientStorage is the tab's localStorage, and main reads it back after a reload
    await expect(key(page, "saved")).toHaveText("nothing saved");
    await key(page, "note").locator("input").fill("buy milk");
    await key(page, "save").click();
    await expect(key(page, "saved")).toHaveText("saved: buy milk");
    expect(await page.evaluate(() => localStorage.getItem("note"))).toBe('"buy milk"');
    await page.reload();
    await expect(key(page, "saved")).toHaveText("restored: buy milk");
  });
});

test.describe("examples/todo.ts built static", () => {
  const site = useSite("examples/todo.ts");

  test("adds, completes, filters and clears tasks", async ({ page }) => {
    await page.goto(site.url);
    for (const task of ["milk", "bread", "eggs"]) {
      await key(page, "new-task").locator("input").fill(task);
      await key(page, "add").click();
    }
    await expect(key(page, "items-left")).toHaveText("3 items left");
    // class names survive the minifier: the app's own class is its data-weft-type
    await expect(key(page, "todo-milk")).toHaveAttribute("data-weft-type", "TodoItem");
    await key(page, "todo-bread").locator('[data-weft-key="done"] input').check();
    await expect(key(page, "items-left")).toHaveText("2 items left");
    await key(page, "filter-completed").click();
    await expect(page.locator('[data-weft-key^="todo-"]:visible')).toHaveCount(1);
    await key(page, "filter-all").click();
    await key(page, "clear").click();
    await expect(page.locator('[data-weft-key^="todo-"]')).toHaveCount(2);
  });
});

test.describe("examples/routing.ts built static", () => {
  const site = useSite("examples/routing.ts");

  test("a deep link opens its view (through 404.html, as on GitHub Pages), and back/forward are route changes", async ({ page }) => {
    const response = await page.goto(site.url + "items/3");
    expect(response?.status()).toBe(404); // the host's answer: its 404 page, which is the app
    await expect(key(page, "item-name")).toHaveText("Cheese");
    await key(page, "back").click();
    await expect(key(page, "title")).toHaveText("Shop");
    await expect(page).toHaveURL(site.url);
    await key(page, "item-2").click();
    await expect(key(page, "item-name")).toHaveText("Bread");
    await expect(page).toHaveURL(site.url + "items/2");
    await page.goBack();
    await expect(key(page, "title")).toHaveText("Shop");
    await page.goForward();
    await expect(key(page, "item-name")).toHaveText("Bread");
    await expect(page.locator('[data-weft-banner="error"]')).toHaveCount(0);
  });
});

test.describe("examples/gallery.ts built static", () => {
  const site = useSite("examples/gallery.ts");

  test("draws every section, with no error banner", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(site.url);
    await expect(key(page, "section-components")).toBeVisible();
    await expect(page.locator('[data-weft-type="DataTable"]').first()).toBeAttached();
    await expect(page.locator('[data-weft-type="Markdown"]').first()).toBeAttached();
    await key(page, "component-inc").click();
    await expect(key(page, "component-count")).toHaveText("Clicked 1 times");
    await expect(page.locator('[data-weft-banner="error"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe("examples/chat.ts built static", () => {
  const site = useSite("examples/chat.ts");

  test("two tabs of one browser chat through BroadcastChannel pubsub, with no server", async ({ context }) => {
    const tabs = [await context.newPage(), await context.newPage()];
    const net = tabs.map((tab) => watchNetwork(tab, site.origin));
    for (const [tab, name] of [[tabs[0]!, "Ada"], [tabs[1]!, "Bob"]] as const) {
      await tab.goto(site.url);
      await key(tab, "name").locator("input").fill(name);
      await key(tab, "join").click();
      await expect(key(tab, "draft").locator("input")).toBeEnabled();
    }
    const [ada, bob] = tabs as [Page, Page];
    await key(ada, "draft").locator("input").fill("hi Bob");
    await key(ada, "draft").locator("input").press("Enter");
    await expect(key(bob, "message")).toHaveText(["Ada: hi Bob"]);
    await key(bob, "draft").locator("input").fill("hi Ada");
    await key(bob, "send").click();
    await expect(key(ada, "message")).toHaveText(["Ada: hi Bob", "Bob: hi Ada"]);
    await expect(key(ada, "joined").last()).toHaveText("Bob has joined the chat.");
    for (const log of net) expect(log.sockets).toEqual([]);
  });
});

test.describe("a --base /repo/ build on python3 -m http.server (a host weft did not write)", () => {
  let site: BuiltSite | undefined;
  let server: PlainServer | undefined;
  test.beforeAll(async () => {
    site = await buildSite("examples/routing.ts", { base: "/repo/" });
    server = await pythonServer(site);
  });
  test.afterAll(async () => {
    await server?.stop();
    site?.remove();
  });

  test("loads under its sub-path, routes stay below it, every request is below it", async ({ page, context }) => {
    const origin = new URL(server!.url).origin;
    const net = watchNetwork(page, origin);
    context.on("request", (r) => net.requests.push(r.url()));
    await page.goto(server!.url);
    await expect(key(page, "title")).toHaveText("Shop");
    await key(page, "item-1").click();
    await expect(key(page, "item-name")).toHaveText("Apples");
    await expect(page).toHaveURL(`${origin}/repo/items/1`);
    await page.goBack();
    await expect(page).toHaveURL(`${origin}/repo/`);
    expect(net.sockets).toEqual([]);
    expect(net.foreign).toEqual([]);
    const outside = net.requests.filter((u) => !u.startsWith(`${origin}/repo/`) && !u.startsWith("data:"));
    expect(outside).toEqual([]);
  });
});

export type { BrowserContext };
