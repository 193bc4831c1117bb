import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { startHost, type HostProcess } from "../support/hostProcess.ts";
import { key } from "../support/locators.ts";

/** A GET with a Host header of our choosing (fetch will not send one). */
function getWithHost(url: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

for (const framework of ["express", "fastify", "hono", "node-http"]) {
  test.describe(`an app mounted at /dashboard in ${framework} (examples/mount/${framework}.ts)`, () => {
    let host: HostProcess;
    test.beforeEach(async () => {
      host = await startHost(`examples/mount/${framework}.ts`);
    });
    test.afterEach(async () => {
      await host.stop();
    });

    test("works under its base path beside the host's routes, knows the sign-in cookie, and closes gracefully", async ({ page }) => {
      // The host's API route still answers.
      const status = await (await fetch(`${host.url}/api/status`)).json();
      expect(status).toEqual({ ok: true, sessions: 0 });

      // Sign in on the host: its HttpOnly cookie reaches the app's page.request.
      await page.goto(`${host.url}/login?user=ann`);
      await expect(page).toHaveURL(`${host.url}/dashboard/`);
      await expect(key(page, "user")).toHaveText("Signed in as ann");
      expect(await page.evaluate(() => document.cookie)).toBe(""); // HttpOnly: not the page's to read

      // page.route is relative to the mount; the back button comes back as a route change.
      await key(page, "inc").click();
      await key(page, "inc").click();
      await expect(key(page, "count")).toHaveText("2");
      await key(page, "settings").click();
      await expect(key(page, "settings-title")).toBeVisible();
      await expect(page).toHaveURL(`${host.url}/dashboard/settings`);
      await page.goBack();
      await expect(page).toHaveURL(`${host.url}/dashboard/`);
      await expect(key(page, "settings-title")).toHaveCount(0);
      await expect(key(page, "count")).toHaveText("2");
      expect((await (await fetch(`${host.url}/api/status`)).json()).sessions).toBe(1);

      // SIGTERM: close() runs the session's onClose, the tab is told, then the host exits.
      const exit = host.stop();
      await expect(page.locator('[data-weft-banner="disconnected"]')).toContainText("The server stopped: the server is shutting down");
      expect(await exit).toBe(0);
      expect(host.output()).toMatch(/Session closed: ann\n[^]*Closed\n/);
    });

    test("a deep link opens its route, the renderer's files and the assetsDir load from the mount, a foreign Host gets 403", async ({ page }) => {
      const failed: string[] = [];
      // Answers only: a navigation aborts the previous page's font loads, which is not a failure.
      page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(`${host.url}/dashboard/`);
      await page.goto(`${host.url}/dashboard/settings`);
      await expect(key(page, "settings-title")).toBeVisible();
      // The app's assetsDir file, from a route two levels deep: resolved under the mount.
      await page.goBack();
      await expect(key(page, "logo")).toBeVisible();
      // Visible is not loaded: the image's bytes may still be on their way.
      await expect.poll(() => key(page, "logo").evaluate((img: HTMLImageElement) => [img.src, img.complete && img.naturalWidth > 0])).toEqual([`${host.url}/dashboard/logo.svg`, true]);
      expect(failed).toEqual([]);
      expect(await page.evaluate(() => document.baseURI)).toBe(`${host.url}/dashboard/`);

      expect(await getWithHost(`${host.url}/dashboard/`, "evil.example")).toBe(403);
      expect(await getWithHost(`${host.url}/dashboard/`, new URL(host.url).host)).toBe(200);
      expect((await fetch(`${host.url}/nothing-here`)).status).toBe(404);
    });
  });
}
