import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Column, Page, Text, component, useState } from "../../index.ts";
import { openSession } from "../../testing/index.ts";
import { SwapEngine } from "../engine.ts";
import { summarizeReport } from "../report.ts";
import { closeOpened, opened } from "./openedEngines.ts";

/** What the swap report says (issue: "What the report says"), for cases the peers' suites bring up. */
afterEach(closeOpened);

function counterApp(engine: SwapEngine, label: string) {
  const Counter = engine.registry.component(
    "/app/app.ts",
    "Counter",
    component(() => {
      const [n, setN] = useState(0);
      return new Column([new Text({ value: `${label} ${n}`, key: "n" }), new Button({ text: "+", key: "inc", onClick: () => setN(n + 1) })]);
    }),
    undefined,
    "useState{[n, setN](0)}",
  );
  return (page: Page) => page.render(Counter);
}

describe("SwapReport", () => {
  it("says a hot restart reset the components' hooks, never that it kept them", async () => {
    const engine = new SwapEngine(() => {});
    (engine as unknown as { current: unknown }).current = counterApp(engine, "count");
    const s = await openSession(engine.main);
    opened.push({ engine, sessions: [s] });
    await s.find({ key: "inc" }).click();
    const report = await engine.swap(counterApp(engine, "total"), { files: ["app.ts"], restartReason: "app.ts:3 runs `setInterval(…)` when the module loads" });
    await s.settle();
    expect(s.find({ key: "n" }).text).toBe("total 0");
    expect(report.components).toEqual([{ name: "Counter", instances: 1, hooks: "reset", reason: "its session was hot-restarted" }]);
  });

  it("gives a restart reason once, not wrapped in itself", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const app = (broken: boolean) => (page: Page) => {
      if (broken && page.session.get("second")) throw new Error("boom");
      page.add(new Text({ value: "x", key: "x" }));
    };
    const engine = new SwapEngine(app(false));
    const first = await openSession(engine.main);
    const second = await openSession((page) => (page.session.set("second", true), engine.main(page)));
    opened.push({ engine, sessions: [first, second] });
    const report = await engine.swap(app(true), { files: ["app.ts"] });
    expect(report.restarts).toEqual([{ sessionId: second.session.id, reason: "the new code threw while building its page (boom)" }]);
    expect(summarizeReport(report)).toMatch(/1 session restarted \(the new code threw while building its page \(boom\)\)$/);
  });

  it("names a component declared with an arrow after its variable", async () => {
    const engine = new SwapEngine(() => {});
    const Greeting = engine.registry.component("/app/app.ts", "Greeting", component(() => new Text({ value: "hi" })));
    expect(Greeting.displayName).toBe("Greeting");
  });
});
