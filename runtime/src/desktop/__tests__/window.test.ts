import { afterEach, describe, expect, it, vi } from "vitest";
import { Text, type Page } from "../../index.ts";
import { SwapEngine } from "../../swap/engine.ts";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

afterEach(() => vi.restoreAllMocks());

describe("page.window in a browser tab", () => {
  it("keeps what the app sets, changes nothing else, and says once that there is no window", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const s = await openSession((page: Page) => {
      page.window.width = 400;
      page.window.preventClose = true;
      page.window.onEvent = () => {};
      page.add(new Text({ value: "tab", key: "t" }));
    });
    await s.session.idle();
    await s.session.page.window.center();
    const second = await openSession((page: Page) => void (page.window.height = 300));
    await second.session.idle();
    expect(s.session.page.window.width).toBe(400);
    expect(s.session.page.window.preventClose).toBe(true);
    const messages = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("page.window"));
    // once per process: an earlier test file may have used it up, never more than one
    expect(messages.length).toBeLessThanOrEqual(1);
    if (messages[0]) expect(messages[0]).toMatch(/has no effect: this app is shown in a browser tab.*--view desktop/);
    // the window is not part of the page sent to the browser
    expect(JSON.stringify(s.messages[1]?.message)).not.toContain('"Window"');
    s.close();
    second.close();
  });
});

describe("page.window across a hot swap", () => {
  const opened: { engine: SwapEngine; s: HeadlessSession }[] = [];
  afterEach(() => {
    for (const { engine, s } of opened.splice(0)) {
      s.close();
      engine.dispose();
    }
  });

  const app = (minWidth: number) => (page: Page) => {
    page.window.width = 520;
    page.window.minWidth = minWidth;
    page.window.onEvent = () => {};
    page.add(new Text({ value: String(minWidth), key: "t" }));
  };

  it("keeps the size the user gave the window, takes a limit changed in code, and stays the same window", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const engine = new SwapEngine(app(300));
    const s = await openSession(engine.main);
    opened.push({ engine, s });
    const window = s.session.page.window;
    window._p.width = 640; // what the desktop driver writes when the user resizes the window

    const report = await engine.swap(app(320), { files: ["app.ts"] });

    expect(report.outcome).toBe("swapped");
    expect(s.session.page.window).toBe(window);
    expect(window.width).toBe(640);
    expect(window.minWidth).toBe(320);
    expect(s.find({ key: "t" }).text).toBe("320");
  });
});
