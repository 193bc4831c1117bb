import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { openChannel } from "../fixtures/dev/devApp.ts";
import { key } from "../support/locators.ts";

/**
 * `weft dev server.ts`: the module is a host server that mounts an app with createWeft()
 * (test/fixtures/mount/server.ts). An edit of the app swaps it into the live tab; an edit of the
 * server's own routes restarts only the host's handlers, and the tab's session lives on.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));

test.describe("weft dev server.ts", () => {
  let dir: string;
  let proc: WeftProcess;
  test.beforeEach(async () => {
    dir = join(root, ".tmp", `dev-server-${process.pid}-${Date.now().toString(36)}`);
    mkdirSync(dir, { recursive: true });
    for (const f of ["server.ts", "counter.ts"]) copyFileSync(join(root, "test/fixtures/mount", f), join(dir, f));
    proc = await startWeft("dev", [join(dir, "server.ts")]);
  });
  test.afterEach(async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const edit = async (file: string, from: string, to: string, outcome: RegExp) => {
    const path = join(dir, file);
    const before = proc.output().length;
    writeFileSync(path, readFileSync(path, "utf8").replace(from, to));
    await expect.poll(() => proc.output().slice(before), { timeout: 15_000 }).toMatch(outcome);
  };
  const sameSocket = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __socket?: unknown; __weft: { connection: { ws: WebSocket } } };
      return w.__socket === w.__weft.connection.ws && w.__weft.connection.ws.readyState === WebSocket.OPEN;
    });

  test("prints the mounted app's URL; an app edit swaps with its state kept; a server edit restarts only the host's handlers", async ({ page }) => {
    expect(proc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dashboard\/$/);
    const origin = new URL(proc.url).origin;
    expect(await (await fetch(`${origin}/api`)).text()).toBe("api v1");

    await page.goto(proc.url);
    for (let i = 0; i < 3; i++) await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("3");
    await page.evaluate(() => {
      const w = window as unknown as { __socket: unknown; __weft: { connection: { ws: unknown } } };
      w.__socket = w.__weft.connection.ws;
    });

    // The inspector sees the mounted app's session.
    const channel = await openChannel(proc.urls.Inspector!);
    const listed = await channel.next("sessions", undefined, true);
    expect(listed.sessions).toHaveLength(1);
    channel.close();

    // The app's module: swapped into the tab, the counter keeps its value, same socket.
    await edit("counter.ts", '"Count" /* edit:label */', '"Total"', /^weft: \/dashboard: swapped/m);
    await expect(key(page, "label")).toHaveText("Total");
    await expect(key(page, "count")).toHaveText("3");
    expect(await sameSocket(page)).toBe(true);

    // The server's own route: its handlers restart on the same port, the session survives.
    await edit("server.ts", '"api v1" /* edit:api */', '"api v2"', /^weft: restarted server\.ts's handlers · 1 app kept 1 session/m);
    expect(await (await fetch(`${origin}/api`)).text()).toBe("api v2");
    expect(await sameSocket(page)).toBe(true);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("4");
    // A new tab is served by the new handlers, under the same URL.
    const other = await page.context().newPage();
    await other.goto(proc.url);
    await expect(key(other, "label")).toHaveText("Total");
    await expect(key(other, "count")).toHaveText("0");
  });
});
