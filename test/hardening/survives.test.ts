import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { rawGet, rawRequest, rawUpgrade } from "./rawHttp.ts";
import { openWire } from "./wireClient.ts";

/**
 * Whatever arrives, a weft process answers it and goes on: the requests and frames that ended
 * `weft run` and `weft dev` before, sent to real processes, each followed by a check that the
 * process still serves a session.
 */
const app = "test/fixtures/hardening/misbehaving.ts";
const portOf = (url: string) => Number(new URL(url).port);

/** The process is alive and serves: a page, and a session whose counter counts. */
async function stillServes(weft: WeftProcess): Promise<void> {
  expect(weft.child.exitCode, `the process exited:\n${weft.output()}`).toBeNull();
  const page = await rawGet(portOf(weft.url), "/");
  expect(page.status).toBe(200);
  const tab = openWire(weft.url);
  await tab.registered;
  tab.click("inc");
  await tab.waitFor((m) => m.type === "patch");
  expect(tab.text("count")).toBe("1");
  tab.close();
}

const crashingTargets = ["/%", "//", "/_weft/%E0%A4%A", "/%00", "http://evil.example/", "*"];

describe("weft run", () => {
  let weft: WeftProcess;
  beforeAll(async () => {
    weft = await startWeft("run", [app]);
  }, 60_000);
  afterAll(() => weft.stop());

  it.each(crashingTargets)("answers GET %s with a 4xx and keeps serving", async (target) => {
    const answer = await rawGet(portOf(weft.url), target);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    await stillServes(weft);
  });

  it("answers a WebSocket upgrade to // and to an unknown path, and keeps serving", async () => {
    expect(await rawUpgrade(portOf(weft.url), "//")).toMatchObject({ status: 400, closed: true });
    expect(await rawUpgrade(portOf(weft.url), "/nowhere")).toMatchObject({ status: 404, closed: true });
    await stillServes(weft);
  });

  it("refuses a DNS-rebinding page (a foreign Host with a matching Origin) with 403 naming the option", async () => {
    const page = await rawGet(portOf(weft.url), "/", { Host: "evil.example:80" });
    expect(page.status).toBe(403);
    expect(page.text).toContain("--allowed-hosts");
    const socket = await rawUpgrade(portOf(weft.url), "/ws", { Host: "evil.example", Origin: "http://evil.example" });
    expect(socket.status).toBe(403);
    expect(socket.text).toContain("allowedHosts");
  });

  it("reports a stray Promise.reject() in a handler to its session, and keeps serving", async () => {
    const tab = openWire(weft.url);
    await tab.registered;
    tab.click("reject");
    const error = await tab.waitFor((m) => m.type === "error");
    expect(error).toMatchObject({ code: "HANDLER_ERROR" });
    await stillServes(weft);
    tab.close();
  });

  it("reports a throw inside a handler's setTimeout to its session, and keeps serving", async () => {
    const tab = openWire(weft.url);
    await tab.registered;
    tab.click("timer");
    expect(await tab.waitFor((m) => m.type === "error")).toMatchObject({ code: "HANDLER_ERROR" });
    await stillServes(weft);
    tab.close();
  });

  it("reports a non-Error throw and sends the handler's own changes", async () => {
    const tab = openWire(weft.url);
    await tab.registered;
    tab.click("odd");
    expect(await tab.waitFor((m) => m.type === "error")).toMatchObject({ code: "HANDLER_ERROR" });
    await tab.waitFor((m) => m.type === "patch");
    expect(tab.text("count")).toBe("changed before the odd throw");
    tab.close();
  });

  it("shows end users a short message with a reference; the server log has the full text, the stack and the same reference", async () => {
    const tab = openWire(weft.url);
    await tab.registered;
    tab.click("fail");
    const error = (await tab.waitFor((m) => m.type === "error")) as { message: string; ref?: string };
    expect(error.message).not.toContain("4242");
    expect(error.ref).toMatch(/^[A-Za-z0-9_-]{6,}$/);
    expect(error.message).toContain(error.ref!);
    await expect.poll(() => weft.output()).toContain(error.ref!);
    const logged = weft.output().slice(weft.output().indexOf(error.ref!));
    expect(logged).toContain("the secret detail 4242");
    expect(logged).toMatch(/\n\s+at /);
    tab.close();
  });

  it("stops a component that sets its state in every render, and serves other sessions meanwhile", async () => {
    const looping = openWire(weft.url, { route: "/loop" });
    await looping.registered;
    const error = (await looping.waitFor((m) => m.type === "error", 10_000)) as { message: string };
    expect(error).toMatchObject({ code: "HANDLER_ERROR" });
    await stillServes(weft);
    looping.close();
  });
});

describe("weft run, other cases", () => {
  it("serves the hosts given with --allowed-hosts", async () => {
    const weft = await startWeft("run", [app, "--allowed-hosts", "app.example,.corp.example"]);
    try {
      const port = portOf(weft.url);
      expect((await rawGet(port, "/", { Host: "app.example" })).status).toBe(200);
      expect((await rawGet(port, "/", { Host: "wiki.corp.example:8550" })).status).toBe(200);
      expect((await rawGet(port, "/", { Host: "evil.example" })).status).toBe(403);
    } finally {
      await weft.stop();
    }
  }, 60_000);

  it("ends the process, saying so, when a failure belongs to no session", async () => {
    // Spawned directly: the module's timer may fire before or after the App: line is printed.
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(process.execPath, ["cli/bin/weft.js", "run", "test/fixtures/hardening/failsOutsideSessions.ts", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, output).toBe(70);
    expect(output).toMatch(/an uncaught exception outside any session[\s\S]*a timer of the module itself failed/);
  }, 60_000);
});

describe("weft dev", () => {
  let weft: WeftProcess;
  let inspectorPort: number;
  let token: string;
  beforeAll(async () => {
    weft = await startWeft("dev", [app, "--inspector-host", "0.0.0.0"]);
    const inspector = new URL(weft.urls.Inspector!);
    inspectorPort = Number(inspector.port);
    token = inspector.searchParams.get("token")!;
  }, 60_000);
  afterAll(() => weft.stop());

  it.each(crashingTargets)("answers GET %s on the app port and on the inspector port, and keeps serving", async (target) => {
    for (const port of [portOf(weft.url), inspectorPort]) {
      const answer = await rawGet(port, target);
      expect(answer.status, `port ${port}`).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    await stillServes(weft);
  });

  it("answers upgrades to // on both ports, and keeps serving", async () => {
    for (const port of [portOf(weft.url), inspectorPort]) {
      expect(await rawUpgrade(port, "//")).toMatchObject({ status: 400, closed: true });
    }
    await stillServes(weft);
  });

  it("keeps checking Host on the inspector port when it listens on 0.0.0.0", async () => {
    expect((await rawGet(inspectorPort, "/", { Host: "evil.example" })).status).toBe(403);
    expect((await rawUpgrade(inspectorPort, `/channel?token=${token}`, { Host: "evil.example" })).status).toBe(403);
  });

  it("checks Host and Origin on the overlay's socket (/__weft/dev)", async () => {
    expect((await rawUpgrade(portOf(weft.url), "/__weft/dev", { Host: "evil.example", Origin: "http://evil.example" })).status).toBe(403);
    expect((await rawUpgrade(portOf(weft.url), "/__weft/dev", { Origin: "http://evil.example" })).status).toBe(403);
  });

  it("refuses a register nested 20,000 deep while a tool watches, and keeps serving", async () => {
    const tool = new WebSocket(`ws://127.0.0.1:${inspectorPort}/channel?token=${token}`);
    const toolClosed = new Promise<number>((resolve) => tool.on("close", (code) => resolve(code)));
    await new Promise((resolve) => tool.on("open", resolve));
    tool.send(JSON.stringify([{ type: "hello", version: 1, client: "test" }]));
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const tab = openWire(weft.url, { register: false });
    await new Promise((resolve) => tab.ws.on("open", resolve));
    tab.ws.send(`{"type":"register","protocol":1,"client":{"route":"/","deep":${deep}}}`);
    expect((await tab.closed).code).toBe(4010);
    await stillServes(weft);
    expect(tool.readyState).toBe(WebSocket.OPEN);
    tool.close();
    expect(await toolClosed).toBe(1005);
  });

  it("shows the developer the whole message of a handler's error", async () => {
    const tab = openWire(weft.url);
    await tab.registered;
    tab.click("fail");
    const error = (await tab.waitFor((m) => m.type === "error")) as { message: string };
    expect(error.message).toContain("the secret detail 4242");
    tab.close();
  });

  it("answers a request line of garbage", async () => {
    for (const port of [portOf(weft.url), inspectorPort]) {
      const answer = await rawRequest(port, "\x00\x01GARBAGE\r\n\r\n");
      expect(answer.status).toBe(400);
    }
    await stillServes(weft);
  });
});
