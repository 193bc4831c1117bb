import { afterEach, describe, expect, it } from "vitest";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { Button, Page, Text } from "../../index.ts";
import { startStaticApp, type WorkerScope } from "../workerHost.ts";

/**
 * The worker host with real message ports and a real BroadcastChannel (Node has both), as a
 * tab's page and its worker use them: the page's side posts protocol text, the host answers.
 */
const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function tab(app: { default?: unknown }, pubsubChannel = "weft:test") {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const received: unknown[] = [];
  const waiters = new Set<() => void>();
  port2.on("message", (data: unknown) => {
    received.push(data);
    for (const w of [...waiters]) w();
  });
  const scope: WorkerScope = {
    postMessage: (message) => port1.postMessage(message),
    addEventListener: (_type, listener) => port1.on("message", (data: unknown) => listener({ data } as MessageEvent<unknown>)),
  };
  startStaticApp(app, { pubsubChannel, scope });
  const next = (match: (data: unknown) => boolean) =>
    new Promise<unknown>((resolve) => {
      const check = () => {
        const found = received.find(match);
        if (found === undefined) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      check();
    });
  const message = <T extends ServerMessage["type"]>(type: T, match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true) =>
    next((d) => typeof d === "string" && (JSON.parse(d) as ServerMessage).type === type && match(JSON.parse(d) as Extract<ServerMessage, { type: T }>)).then(
      (d) => JSON.parse(d as string) as Extract<ServerMessage, { type: T }>,
    );
  return { send: (m: object) => port2.postMessage(JSON.stringify(m)), next, message };
}

const register = { type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" } };

describe("the static worker host", () => {
  it("says it is ready, then speaks the protocol over postMessage; page.static is true", async () => {
    const t = tab({
      default: (page: Page) => {
        page.add(new Text({ value: `static=${page.static}`, key: "where" }));
      },
    });
    await t.next((d) => (d as { weft?: string }).weft === "ready");
    t.send(register);
    const registered = await t.message("registered");
    expect(JSON.stringify(registered.page)).toContain("static=true");
  });

  it("page.pwa is true when the page says it was launched installed (display-mode: standalone)", async () => {
    const t = tab({ default: (page: Page) => page.add(new Text({ value: `pwa=${page.pwa}`, key: "pwa" })) });
    t.send({ ...register, client: { route: "/", pwa: true } });
    expect(JSON.stringify((await t.message("registered")).page)).toContain("pwa=true");
  });

  it("takes the app a browser run(main) handed over when the module has no default export", async () => {
    // What `import { run } from "weft"` is in a static build (the browser condition of `#run`).
    const { run } = await import("../run.browser.ts");
    void run((page) => page.add(new Text({ value: "handed over", key: "hello" })));
    const t = tab({});
    t.send(register);
    expect(JSON.stringify((await t.message("registered")).page)).toContain("handed over");
  });

  it("carries pubsub between the tabs of one app (BroadcastChannel), and not to another app's", async () => {
    const app = (page: Page) => {
      const log = new Text({ value: "", key: "log" });
      page.pubsub.subscribe((message) => {
        log.value += String(message);
      });
      page.add(log, new Button({ text: "send", key: "send", onClick: () => page.pubsub.sendAll("hi ") }));
    };
    const ada = tab({ default: app }, "weft:pubsub:/a/");
    const bob = tab({ default: app }, "weft:pubsub:/a/");
    const other = tab({ default: app }, "weft:pubsub:/b/");
    for (const t of [ada, bob, other]) t.send(register);
    const page = await ada.message("registered");
    await bob.message("registered");
    await other.message("registered");
    const find = (node: { p: Record<string, unknown>; c?: Record<string, unknown[]> }, key: string): { i: number } | undefined =>
      node.p.key === key ? (node as unknown as { i: number }) : Object.values(node.c ?? {}).flat().map((c) => find(c as typeof node, key)).find(Boolean);
    const send = find(page.page as never, "send")!;
    ada.send({ type: "event", id: send.i, name: "click" });
    // this tab and the other tab of the same app get it; the other app's tab does not
    await ada.message("patch", (m) => JSON.stringify(m.ops).includes("hi "));
    await bob.message("patch", (m) => JSON.stringify(m.ops).includes("hi "));
    const stray = await Promise.race([other.message("patch").then(() => "delivered"), new Promise((r) => setTimeout(() => r("not delivered"), 200))]);
    expect(stray).toBe("not delivered");
  });
});
