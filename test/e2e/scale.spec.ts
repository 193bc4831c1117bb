import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { key } from "../support/locators.ts";
import { exampleNginxConfig, nginxMissing, startNginx, type NginxServer } from "../support/nginxServer.ts";
import { redisMissing, startRedis, type RedisServer } from "../support/redisServer.ts";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";

/**
 * Beyond one process (docs/scaling.md), as an operator runs it: a real redis-server, three
 * `weft run examples/chat.ts --redis … --metrics` processes, and Debian's nginx with
 * examples/scale/nginx.conf in front of them; three Chromium contexts spread over two processes.
 */
const missing = redisMissing() ?? nginxMissing();

/** One browser context, and the process (index into `processes`) its session lives on. */
interface Tab {
  name: string;
  context: BrowserContext;
  page: Page;
  process: number;
  /** Every WebSocket URL the page opened. */
  sockets: string[];
}

test.describe.serial("three processes behind nginx, pubsub through Redis", () => {
  test.skip(missing !== null, missing ?? "");
  test.describe.configure({ timeout: 120_000 });

  let redis: RedisServer;
  let nginx: NginxServer;
  const processes: WeftProcess[] = [];
  const tabs: Record<string, Tab> = {};

  test.beforeAll(async () => {
    redis = await startRedis();
    for (let i = 0; i < 3; i++) processes.push(await startWeft("run", ["examples/chat.ts", "--redis", redis.url, "--metrics"]));
    nginx = await startNginx((port) => exampleNginxConfig(port, processes.map((p) => Number(new URL(p.url).port))));
  });

  test.afterAll(async () => {
    for (const tab of Object.values(tabs)) await tab.context.close();
    await nginx?.stop();
    for (const p of processes) await p.stop();
    await redis?.dispose();
  });

  /** A process's own Prometheus figure, read on its own port (loopback: no token needed). */
  async function metric(process: WeftProcess, series: string): Promise<number> {
    const text = await (await fetch(`${process.url}metrics`)).text();
    const line = text.split("\n").find((l) => l.startsWith(series + " "));
    return line === undefined ? NaN : Number(line.slice(series.length + 1));
  }
  const connected = () => Promise.all(processes.map((p) => (p.child.exitCode === null ? metric(p, 'weft_sessions{state="connected"}') : 0)));

  /** Opens the chat through nginx in a new context and finds out which process took its session. */
  async function open(browser: Browser, name: string): Promise<Tab> {
    const before = await connected();
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(nginx.url);
    await expect(key(page, "name").locator("input")).toBeEnabled();
    let process = -1;
    await expect
      .poll(async () => {
        const now = await connected();
        process = now.findIndex((n, i) => n === before[i]! + 1);
        return process;
      })
      .toBeGreaterThanOrEqual(0);
    return { name, context, page, process, sockets };
  }

  /** Opens contexts until one lands where `wanted` says (the balancer hashes a random key). */
  async function openWhere(browser: Browser, name: string, wanted: (process: number) => boolean): Promise<Tab> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const tab = await open(browser, name);
      if (wanted(tab.process)) return tab;
      const before = await connected();
      await tab.context.close();
      await expect.poll(async () => (await connected())[tab.process]).toBe(before[tab.process]! - 1);
    }
    throw new Error(`no context of 30 landed where ${name} was wanted`);
  }

  async function join(tab: Tab, user: string): Promise<void> {
    await key(tab.page, "name").locator("input").fill(user);
    await key(tab.page, "join").click();
    await expect(key(tab.page, "draft").locator("input")).toBeEnabled();
  }

  async function say(tab: Tab, text: string): Promise<void> {
    await key(tab.page, "draft").locator("input").fill(text);
    await key(tab.page, "draft").locator("input").press("Enter");
  }

  const messages = (tab: Tab) => key(tab.page, "message");

  /** Waits until every live process reports pubsub in `state` (e.g. "up"). */
  async function pubsubIs(state: string): Promise<void> {
    for (const p of processes.filter((p) => p.child.exitCode === null)) {
      await expect.poll(() => metric(p, `weft_pubsub_state{state="${state}"}`), { timeout: 20_000 }).toBe(1);
    }
  }

  test("chat messages cross processes, and a refresh resumes its own session", async ({ browser }) => {
    tabs.ada = await open(browser, "ada");
    tabs.bob = await openWhere(browser, "bob", (p) => p === tabs.ada!.process);
    tabs.cy = await openWhere(browser, "cy", (p) => p !== tabs.ada!.process);
    const { ada, bob, cy } = tabs as Record<string, Tab>;
    for (const [tab, user] of [[ada, "Ada"], [bob, "Bob"], [cy, "Cy"]] as const) await join(tab, user);
    await expect(key(ada.page, "joined").last()).toHaveText("Cy has joined the chat.");

    await say(ada, "hello from Ada");
    for (const tab of [ada, bob, cy]) await expect(messages(tab)).toHaveText(["Ada: hello from Ada"]);
    await say(cy, "hello from Cy");
    for (const tab of [ada, bob, cy]) await expect(messages(tab)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy"]);

    // Every upgrade carries the tab's routing key; a refresh keeps it, lands on the same process
    // and resumes the session: still joined, the messages still there.
    const routingKey = new URL(cy.sockets[0]!).searchParams.get("session");
    expect(routingKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const before = await connected();
    await cy.page.reload();
    await expect(messages(cy)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy"]);
    await expect(key(cy.page, "draft").locator("input")).toBeEnabled();
    await expect(key(cy.page, "name").locator("input")).toBeDisabled();
    expect(cy.sockets.map((url) => new URL(url).searchParams.get("session"))).toEqual(cy.sockets.map(() => routingKey));
    expect(await connected()).toEqual(before);
  });

  test("stopping and restarting Redis loses nothing local, and cross-process delivery resumes", async () => {
    const { ada, bob, cy } = tabs as Record<string, Tab>;
    await redis.stop();
    await pubsubIs("down");
    await say(ada, "while Redis is away");
    await expect(messages(bob)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy", "Ada: while Redis is away"]);
    await expect(messages(ada)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy", "Ada: while Redis is away"]);
    await say(cy, "Cy, alone meanwhile");
    await expect(messages(cy)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy", "Cy: Cy, alone meanwhile"]);

    await redis.start();
    await pubsubIs("up");
    await say(ada, "Redis is back");
    await expect(messages(cy)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy", "Cy: Cy, alone meanwhile", "Ada: Redis is back"]);
    await say(cy, "so it is");
    await expect(messages(bob)).toHaveText(["Ada: hello from Ada", "Cy: hello from Cy", "Ada: while Redis is away", "Ada: Redis is back", "Cy: so it is"]);
    // Each process said it once, and said when it was back.
    for (const p of processes) {
      expect(p.output().match(/pubsub lost Redis/g)).toHaveLength(1);
      expect(p.output()).toMatch(/pubsub reached Redis at redis:\/\/127\.0\.0\.1:\d+ again/);
    }
  });

  test("SIGTERM drains a process: its tab comes back through nginx, as a new session on another process", async () => {
    const { ada, cy } = tabs as Record<string, Tab>;
    const draining = processes[cy.process]!;
    const exited = new Promise<number | null>((resolve) => draining.child.once("exit", (code) => resolve(code)));
    const t0 = Date.now();
    draining.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(draining.output()).toMatch(/drained in \d+ ms: 1 tabs sent to reconnect, \d+ sessions closed/);

    // The tab reconnected by itself, through nginx, to a process that never had its session:
    // a new session, main ran again (not joined, no messages), as docs/scaling.md says.
    await expect(key(cy.page, "join")).toBeEnabled({ timeout: 20_000 });
    await expect(key(cy.page, "name").locator("input")).toBeEnabled();
    await expect(messages(cy)).toHaveCount(0);
    const live = await connected();
    expect(live[cy.process]).toBe(0);
    expect(live.reduce((a, b) => a + b, 0)).toBe(3);
    const routingKey = new URL(cy.sockets[0]!).searchParams.get("session");
    expect(new Set(cy.sockets.map((url) => new URL(url).searchParams.get("session")))).toEqual(new Set([routingKey]));

    await join(cy, "Cy");
    await say(cy, "back on another process");
    await expect(messages(ada).last()).toHaveText("Cy: back on another process");
  });
});
