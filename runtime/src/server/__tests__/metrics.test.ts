import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Button, Text } from "../../index.ts";
import { createWeftServer, type WeftServer } from "../server.ts";
import { openAppClient } from "./appClient.ts";

const counterApp = (page: import("../../index.ts").Page) => {
  const count = new Text({ value: "0", key: "count" });
  page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
};

/** The value of one sample line (`name{labels} value`) of a Prometheus text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  let server: WeftServer;
  beforeAll(async () => {
    server = await createWeftServer({ main: counterApp, port: 0, metrics: { token: "s3cret-token" }, blockWarnMs: 60_000 });
  });
  afterAll(async () => server.close());

  it("counts sessions, events, handler time and patch bytes in Prometheus's text format", async () => {
    const tab = await openAppClient(server.url);
    const idle = await openAppClient(server.url);
    idle.ws.close();
    await expect.poll(() => server.manager.sessions.get(idle.registered.sessionId)?.state).toBe("resuming");
    const inc = JSON.stringify(tab.registered.page).match(/"i":(\d+),"t":"Button"/)![1]!;
    for (let i = 0; i < 3; i++) tab.event(Number(inc), "click");
    await tab.next((m) => m.type === "patch" && JSON.stringify(m).includes('"3"'));
    const res = await fetch(`${server.url}metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'weft_sessions{state="connected"}')).toBe(1);
    expect(sample(text, 'weft_sessions{state="resuming"}')).toBe(1);
    expect(sample(text, "weft_events_total")).toBe(3);
    expect(sample(text, "weft_patches_total")).toBe(3);
    expect(sample(text, "weft_patch_bytes_total")).toBeGreaterThan(3 * 20);
    expect(sample(text, "weft_handler_duration_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(sample(text, "weft_accepting")).toBe(1);
    expect(sample(text, 'weft_pubsub_state{state="local"}')).toBe(1);
    expect(text).toContain("process_cpu_user_seconds_total");
    tab.ws.close();
  });

  it("refuses a request that came through a proxy unless it has the token", async () => {
    const proxied = { "x-forwarded-for": "203.0.113.7" };
    const refused = await fetch(`${server.url}metrics`, { headers: proxied });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect((await fetch(`${server.url}metrics`, { headers: { ...proxied, authorization: "Bearer wrong" } })).status).toBe(401);
    const allowed = await fetch(`${server.url}metrics`, { headers: { ...proxied, authorization: "Bearer s3cret-token" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("weft_sessions");
  });

  it("without a token, tells a remote scraper how to get in", async () => {
    const other = await createWeftServer({ main: counterApp, port: 0, metrics: true });
    const res = await fetch(`${other.url}metrics`, { headers: { forwarded: "for=203.0.113.7" } });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/WEFT_METRICS_TOKEN.*metrics: \{ token \}/);
    expect((await fetch(`${other.url}metrics`)).status).toBe(200);
    await other.close();
  });

  it("is off unless enabled: /metrics is then one of the app's routes", async () => {
    const plain = await createWeftServer({ main: counterApp, port: 0 });
    const res = await fetch(`${plain.url}metrics`, { headers: { accept: "text/html" } });
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).not.toContain("weft_sessions");
    await plain.close();
  });

  it("shows the drain: weft_accepting turns 0", async () => {
    const draining = await createWeftServer({ main: (page) => { page.onClose = () => new Promise(() => {}); }, port: 0, metrics: true });
    await openAppClient(draining.url);
    const done = draining.drain({ timeoutMs: 1000 });
    const text = await (await fetch(`${draining.url}metrics`)).text();
    expect(sample(text, "weft_accepting")).toBe(0);
    await done;
  });
});
