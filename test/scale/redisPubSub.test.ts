import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Column, Text, WeftError, type Page } from "weft";
import { redisPubSub, SessionManager, type RedisPubSub } from "weft/server";
import { HeadlessSession } from "weft/testing";
import { redisMissing, startRedis, type RedisServer } from "../support/redisServer.ts";

/**
 * `page.pubsub` through a real redis-server. Each "process" here is a SessionManager with a
 * transport of its own (its own two Redis connections and process id), as `weft run --redis`
 * builds one; test/e2e/scale.spec.ts runs the same between real processes behind nginx.
 */

/** Shows every message it receives, app-wide and on the topic "room", as a Text. */
function listener(page: Page) {
  const log = new Column({ key: "log" });
  page.pubsub.subscribe((message) => log.controls.push(new Text(String(message))));
  page.pubsub.subscribeTopic("room", (topic, message) => log.controls.push(new Text(`${topic}:${String(message)}`)));
  page.add(log);
}

const seen = (tab: HeadlessSession) => tab.findAll({ type: "Text" }).map((text) => text.text);
const poll = { timeout: 15_000, interval: 20 };

interface FakeProcess {
  manager: SessionManager;
  pubsub: RedisPubSub;
  warnings: string[];
  lines: string[];
  tab(): HeadlessSession;
}

const skip = redisMissing();
if (skip) console.warn(`test/scale/redisPubSub.test.ts skipped: ${skip}`);

describe.skipIf(skip !== null)("pubsub through Redis", () => {
  let redis: RedisServer;
  let channel = 0;
  const processes: FakeProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis?.dispose());
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      p.manager.closeAll("test over");
      await p.manager.pubsub.close();
    }
  });

  /** A "process" on this test's channel, connected. */
  async function process(options: { maxPending?: number } = {}): Promise<FakeProcess> {
    const warnings: string[] = [];
    const lines: string[] = [];
    const pubsub = redisPubSub(redis.url, {
      channel: `test-${channel}`,
      maxRetryDelayMs: 200,
      log: { warn: (line: string) => warnings.push(line), log: (line: string) => lines.push(line) },
      ...options,
    });
    const manager = new SessionManager(listener, { blockWarnMs: 60_000 }, pubsub);
    await pubsub.connect();
    const p: FakeProcess = { manager, pubsub, warnings, lines, tab: () => new HeadlessSession(listener, { manager }) };
    processes.push(p);
    return p;
  }
  afterEach(() => void channel++);

  it("delivers across processes, every sender's messages in the order sent", async () => {
    const [a, b] = [await process(), await process()];
    const [a1, b1, b2] = [a.tab(), b.tab(), b.tab()];
    for (let i = 0; i < 100; i++) {
      a1.page.pubsub.sendAll(`a${i}`);
      b1.page.pubsub.sendAll(`b${i}`);
    }
    for (const tab of [a1, b1, b2]) {
      await expect.poll(() => seen(tab).length, poll).toBe(200);
      const texts = seen(tab);
      expect(texts.filter((t) => t.startsWith("a"))).toEqual(Array.from({ length: 100 }, (_, i) => `a${i}`));
      expect(texts.filter((t) => t.startsWith("b"))).toEqual(Array.from({ length: 100 }, (_, i) => `b${i}`));
    }
    expect(a.pubsub.stats()).toMatchObject({ state: "up", sent: 100, received: 100, dropped: 0 });
  });

  it("never brings a message sent to others back to its sender, in its process or another", async () => {
    const [a, b] = [await process(), await process()];
    const [a1, a2, b1] = [a.tab(), a.tab(), b.tab()];
    a1.page.pubsub.sendOthers("for the others");
    a1.page.pubsub.sendOthersOnTopic("room", "topic for the others");
    // Per-sender order: once the sender has this, it would have had the two above before it.
    a1.page.pubsub.sendAll("marker");
    for (const tab of [a2, b1]) await expect.poll(() => seen(tab), poll).toEqual(["for the others", "room:topic for the others", "marker"]);
    // Redis sent b's "ack" after it sent b the marker, so anything of a1's coming back to a's
    // process would have reached a1 before the ack.
    b1.page.pubsub.sendOthers("ack");
    await expect.poll(() => seen(a1), poll).toContain("ack");
    expect(seen(a1)).toEqual(["marker", "ack"]);
  });

  it("refuses a message JSON cannot carry before any session gets it", async () => {
    const a = await process();
    const [a1, a2] = [a.tab(), a.tab()];
    expect(() => a1.page.pubsub.sendAll({ big: 1n })).toThrow(WeftError);
    expect(() => a1.page.pubsub.sendAll({ big: 1n })).toThrow(/PUBSUB|JSON/);
    a1.page.pubsub.sendAll("after");
    await expect.poll(() => seen(a2), poll).toEqual(["after"]);
  });

  it("with Redis away, each process delivers within itself, says so once, and crosses again by itself", async () => {
    const [a, b] = [await process(), await process()];
    const [a1, a2, b1] = [a.tab(), a.tab(), b.tab()];
    await redis.stop();
    await expect.poll(() => [a.pubsub.stats().state, b.pubsub.stats().state], poll).toEqual(["down", "down"]);
    a1.page.pubsub.sendAll("while away 1");
    a1.page.pubsub.sendAll("while away 2");
    await expect.poll(() => seen(a2), poll).toEqual(["while away 1", "while away 2"]);
    expect(seen(a1)).toEqual(["while away 1", "while away 2"]);

    await redis.start();
    await expect.poll(() => [a.pubsub.stats().state, b.pubsub.stats().state], poll).toEqual(["up", "up"]);
    a1.page.pubsub.sendAll("back");
    await expect.poll(() => seen(b1), poll).toEqual(["back"]); // what was sent meanwhile is not replayed
    await expect.poll(() => seen(a2), poll).toEqual(["while away 1", "while away 2", "back"]);
    for (const p of [a, b]) {
      expect(p.warnings).toHaveLength(1);
      expect(p.warnings[0]).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+.*this process's sessions only.*Reconnecting with backoff/);
      expect(p.lines).toEqual([expect.stringMatching(/reached Redis .* again/)]);
      expect(p.pubsub.stats().reconnects).toBe(1);
    }
    expect(a.pubsub.stats().dropped).toBe(2);
  });

  it("keeps no more than maxPending messages waiting for a Redis that does not answer", async () => {
    const [a, b] = [await process({ maxPending: 5 }), await process()];
    const [a1, b1] = [a.tab(), b.tab()];
    redis.pause();
    try {
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) a1.page.pubsub.sendAll(`m${i}`);
      // Publishing never waits for Redis: the sender's own session has all 50 at once.
      expect(performance.now() - t0).toBeLessThan(1000);
      await expect.poll(() => seen(a1).length, poll).toBe(50);
      expect(a.pubsub.stats().dropped).toBe(45);
    } finally {
      redis.resume();
    }
    await expect.poll(() => seen(b1), poll).toEqual(["m0", "m1", "m2", "m3", "m4"]);
  });

  it("says once that it cannot reach Redis at start, serves locally, and connects when Redis comes", async () => {
    await redis.stop();
    try {
      const a = await process();
      expect(a.pubsub.stats().state).toBe("down");
      expect(a.warnings).toEqual([expect.stringMatching(/cannot reach Redis at .*ECONNREFUSED/)]);
      const [a1, a2] = [a.tab(), a.tab()];
      a1.page.pubsub.sendAll("local");
      await expect.poll(() => seen(a2), poll).toEqual(["local"]);
      await redis.start();
      await expect.poll(() => a.pubsub.stats().state, poll).toBe("up");
      expect(a.warnings).toHaveLength(1);
    } finally {
      if (!redis.running) await redis.start();
    }
  });

  it("refuses a URL that is not redis:// or rediss://, naming the flag", () => {
    expect(() => redisPubSub("localhost:6379")).toThrow(/redis:\/\/host:6379.*--redis/);
    expect(redisPubSub("redis://:hunter2@cache.internal:6379/0").url).toBe("redis://:***@cache.internal:6379/0");
  });
});
