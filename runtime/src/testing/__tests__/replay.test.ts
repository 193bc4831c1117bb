import { describe, expect, it, vi } from "vitest";
import { Button, Column, Page, Text, TextField } from "../../index.ts";
import { openSession } from "../headlessSession.ts";
import { RecordingError } from "../recordingError.ts";
import { replay } from "../replay.ts";
import { recordInMemory } from "./recordInMemory.ts";

/** The contract's counter, with the step of "+" as a parameter so a test can change behaviour. */
const counter = (step = 1, extra?: (page: Page) => void) =>
  function main(page: Page) {
    page.title = "Counter";
    const count = new Text({ value: "0", key: "count" });
    page.add(
      new Button({ text: "-", key: "dec", onClick: () => void (count.value = String(Number(count.value) - 1)) }),
      count,
      new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + step)) }),
    );
    extra?.(page);
  };

async function recordCounterClicks(clicks: ("inc" | "dec")[], app = counter()) {
  const recorder = recordInMemory();
  const s = await openSession(app);
  for (const key of clicks) await s.find({ key }).click();
  s.close();
  return recorder.stop();
}

describe("replay", () => {
  it("passes when the app behaves as recorded, although every control has another id", async () => {
    const recording = await recordCounterClicks(["inc", "inc", "dec", "inc"]);
    const result = await replay(recording, { app: counter() });
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.steps).toBe(6); // open, four clicks, and the tab closing
    expect(result.tree).toContain('Text#count value="2"');
    expect(result.tree).toBe(result.expectedTree);
  });

  it("names the step, the event and the prop when a click has another effect", async () => {
    const recording = await recordCounterClicks(["inc", "inc", "inc"]);
    const result = await replay(recording, { app: counter(2) });
    expect(result.ok).toBe(false);
    expect(result.differences.map(String)).toEqual([`step 2 (click on Button#inc "+"): expected Text#count value "1", got "2"`]);
    expect(result.differences[0]).toMatchObject({ step: 2, event: 'click on Button#inc "+"', kind: "prop", control: "Text#count", expected: '"1"', actual: '"2"' });
    expect(result.steps).toBe(2); // stopped at the first step that differs
  });

  it("with keepGoing, replays every step and reports each", async () => {
    const recording = await recordCounterClicks(["inc", "inc", "inc"]);
    const result = await replay(recording, { app: counter(2), keepGoing: true });
    expect(result.differences.map(String)).toEqual([
      `step 2 (click on Button#inc "+"): expected Text#count value "1", got "2"`,
      `step 3 (click on Button#inc "+"): expected Text#count value "2", got "4"`,
      `step 4 (click on Button#inc "+"): expected Text#count value "3", got "6"`,
    ]);
    expect(result.tree).toContain('value="6"');
  });

  it("drops the differences `ignore` says may vary", async () => {
    const recording = await recordCounterClicks(["inc"]);
    const result = await replay(recording, { app: counter(2), ignore: (d) => d.control === "Text#count" });
    expect(result.ok).toBe(true);
  });

  it("reports a missing control, then the event that could not reach it", async () => {
    const recording = await recordCounterClicks(["dec", "inc"]);
    const noDec = (page: Page) => {
      page.title = "Counter";
      const count = new Text({ value: "0", key: "count" });
      page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
    };
    const result = await replay(recording, { app: noDec, keepGoing: true });
    const lines = result.differences.map(String);
    expect(lines[0]).toBe(`step 1 (open /): expected View to contain Button#dec "-" (position 1), it is missing`);
    expect(lines).toContain(`step 2 (click on Button#dec "-"): expected Button#dec "-" on the page, the app has no such control`);
  });

  it("reports extra controls, changed handlers and children in another order", async () => {
    const list = (order: string[], extra = false, clickable = true) => (page: Page) => {
      page.title = "List";
      page.add(new Column({ key: "list", controls: order.map((k) => new Text({ value: k, key: k })) }));
      if (extra) page.add(new Text({ value: "new", key: "new" }));
      page.add(new Button({ text: "go", key: "go", ...(clickable ? { onClick: () => {} } : {}) }));
    };
    const recorder = recordInMemory();
    (await openSession(list(["a", "b", "c"]))).close();
    const recording = recorder.stop();
    const result = await replay(recording, { app: list(["b", "a", "c"], true, false) });
    expect(result.differences.map((d) => d.message.replace(/^step 1 \(open \/\): /, ""))).toEqual([
      "expected View to hold 2 controls, got an extra Text#new \"new\" (position 2)",
      "expected Column#list to hold [Text#a, Text#b, Text#c] in this order, got [Text#b, Text#a, Text#c]",
      "expected Button#go to handle [click], got nothing",
    ]);
  });

  it("compares errors by what they say, with control names for ids", async () => {
    const recording = await recordCounterClicks(["inc"]);
    const failing = counter(1, (page) => {
      const inc = page.controls[2] as Button;
      inc.onClick = () => {
        throw new Error("boom");
      };
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await replay(recording, { app: failing, keepGoing: true });
    expect(result.differences.map(String)).toContain(
      `step 2 (click on Button#inc "+"): expected no error, got error HANDLER_ERROR "onClick of Button#inc: boom" on Button#inc`,
    );
    vi.restoreAllMocks();
  });

  it("replays a recording made with the details withheld (weft run): errors compare without their references", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = counter(1, (page) => {
      (page.controls[2] as Button).onClick = () => {
        throw new Error("boom");
      };
    });
    const recorder = recordInMemory();
    const s = await openSession(failing, { options: { exposeErrors: false } });
    await s.find({ key: "inc" }).click();
    s.close();
    const recording = recorder.stop();
    expect(JSON.stringify(recording.entries)).toContain('"ref"');
    expect((await replay(recording, { app: failing })).differences.map(String)).toEqual([]);
    const fixed = await replay(recording, { app: counter(), keepGoing: true });
    expect(fixed.differences.map(String).join("\n")).toMatch(/expected error HANDLER_ERROR "onClick of Button#inc failed \(reference <ref>\)"/);
    vi.restoreAllMocks();
  });

  it("gives the app back what the browser answered to its invokes, whatever the call ids", async () => {
    const app = (page: Page) => {
      page.title = "Greeter";
      const hello = new Text({ value: "", key: "hello" });
      page.add(
        hello,
        new Button({
          text: "load",
          key: "load",
          onClick: async () => {
            const name = await page._session.invoke("clientStorage.get", ["name"]);
            hello.value = `Hello ${String(name)}`;
          },
        }),
      );
    };
    const recorder = recordInMemory();
    const s = await openSession(app);
    s.localStorage.set("name", JSON.stringify("Ada")); // what the recorded browser had stored
    await s.find({ key: "load" }).click();
    expect(s.find({ key: "hello" }).text).toBe("Hello Ada");
    s.close();
    const recording = recorder.stop();
    // A replay's headless browser has an empty localStorage: only the recorded reply gives "Ada".
    const result = await replay(recording, { app });
    expect(result.differences).toEqual([]);
    expect(result.tree).toContain('value="Hello Ada"');
  });

  it("replays a dropped connection and its resume", async () => {
    const recorder = recordInMemory();
    const s = await openSession(counter());
    await s.find({ key: "inc" }).click();
    s.disconnect();
    await s.reconnect();
    await s.find({ key: "inc" }).click();
    s.close();
    const recording = recorder.stop();
    const result = await replay(recording, { app: counter() });
    expect(result.differences).toEqual([]);
    expect(result.steps).toBe(6); // open, click, disconnect, reconnect, click, the tab closing
    expect(result.tree).toContain('value="2"');
  });

  it("replays typed text and a submit, naming them as a user would", async () => {
    const app = (page: Page) => {
      page.title = "Echo";
      const said = new Text({ value: "", key: "said" });
      page.add(new TextField({ key: "field", onSubmit: (e) => void (said.value = String(e.data)) }), said);
    };
    const recorder = recordInMemory();
    const s = await openSession(app);
    await s.find({ key: "field" }).submit("hi");
    s.close();
    const recording = recorder.stop();
    const shout = (page: Page) => {
      page.title = "Echo";
      const said = new Text({ value: "", key: "said" });
      page.add(new TextField({ key: "field", onSubmit: (e) => void (said.value = String(e.data).toUpperCase()) }), said);
    };
    const result = await replay(recording, { app: shout });
    expect(result.differences.map(String)).toEqual([`step 3 (submit on TextField#field "hi"): expected Text#said value "hi", got "HI"`]);
    expect((await replay(recording, { app })).ok).toBe(true);
  });

  it("notes a step whose app does not settle in time, and compares what it had sent", async () => {
    const app = counter(1, (page) => void page.runTask(() => new Promise(() => {})));
    const recording = await recordCounterClicks([], counter());
    const result = await replay(recording, { app, settleTimeoutMs: 50 });
    expect(result.ok).toBe(true);
    expect(result.notes[0]).toBe("step 1 (open /): the app was still busy after 50 ms; compared what it had sent by then");
  });

  it("refuses a recording of another app", async () => {
    const recording = await recordCounterClicks(["inc"]);
    const other = (page: Page) => {
      page.title = "Todos";
      page.add(new TextField({ key: "new-task" }));
    };
    const error = await replay(recording, { app: other }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as RecordingError).code).toBe("OTHER_APP");
    expect((error as Error).message).toMatch(/is a recording of another app: .* title "Counter" and keys dec, count, inc; other shows title "Todos" and keys new-task/);
  });

  it("counts a crash of main as a difference, not as another app", async () => {
    const recording = await recordCounterClicks(["inc"]);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await replay(recording, {
      app: () => {
        throw new Error("no database");
      },
    });
    vi.restoreAllMocks();
    expect(result.differences.map(String)).toEqual([
      "step 1 (open /): expected the page, got no page (the app crashed or has not answered)",
      'step 1 (open /): expected no crash, got crash "no database"',
    ]);
  });
});
