import { describe, expect, it } from "vitest";
import { AlertDialog, Button, Clipboard, context, PagePlatform, Text, type Page } from "../../index.ts";
import { openSession } from "../../testing/index.ts";

describe("Flet 1.0's page API", () => {
  it("pops the topmost dialog with popDialog()", async () => {
    const first = new AlertDialog({ title: "one" });
    const second = new AlertDialog({ title: "two" });
    const s = await openSession((page: Page) => {
      page.showDialog(first);
      page.showDialog(second);
    });
    expect(s.page.popDialog()).toBe(second);
    expect([first.open, second.open]).toEqual([true, false]);
  });

  it("pushRoute() changes the route and resolves after onRouteChange ran", async () => {
    const seen: string[] = [];
    const s = await openSession((page: Page) => {
      page.onRouteChange = async (e) => {
        await Promise.resolve();
        seen.push(e.route);
      };
    });
    await s.page.pushRoute("/store");
    expect([s.page.route, seen]).toEqual(["/store", ["/store"]]);
  });

  it("keeps page.session.store's entries in page.session", async () => {
    const s = await openSession(() => {});
    s.page.session.store.set("user", "ada");
    expect([s.page.session.get("user"), s.page.session.store.get("user"), s.page.session.store.containsKey("user")]).toEqual(["ada", "ada", true]);
    expect(s.page.session.store.getKeys()).toEqual(["user"]);
    s.page.session.store.remove("user");
    expect(s.page.session.has("user")).toBe(false);
  });

  it("runs runThread's handler as a task and sends what it changed", async () => {
    const label = new Text("idle", { key: "label" });
    const s = await openSession((page: Page) => {
      page.add(label);
      page.runThread((word: string) => void (label.value = word), "done");
    });
    await s.settle();
    expect(s.find({ key: "label" }).text).toBe("done");
  });

  it("compares page.platform with PagePlatform, and answers page.wasm as page.static", async () => {
    const s = await openSession(() => {});
    expect(PagePlatform.LINUX).toBe("linux");
    expect(["unknown", ...Object.values(PagePlatform)]).toContain(s.page.platform);
    expect(s.page.wasm).toBe(s.page.static);
  });

  it("sets and gets the clipboard of the session's browser, from a handler, with no page named", async () => {
    let read: string | null = null;
    const s = await openSession((page: Page) =>
      page.add(
        new Button("Copy", {
          key: "copy",
          onClick: async () => {
            const clipboard = new Clipboard();
            await clipboard.set("hello");
            read = await clipboard.get();
          },
        }),
      ),
    );
    await s.find({ key: "copy" }).click();
    expect(read).toBe("hello");
    expect(() => new Clipboard()).toThrow("pass the page");
  });

  it("does not update the page after a handler that called context.disableAutoUpdate()", async () => {
    const label = new Text("0", { key: "label" });
    const other = new Text("a", { key: "other" });
    const s = await openSession((page: Page) =>
      page.add(
        label,
        other,
        new Button("Quiet", {
          key: "quiet",
          onClick: () => {
            context.disableAutoUpdate();
            label.value = "1";
          },
        }),
        new Button("Loud", { key: "loud", onClick: () => void (other.value = "b") }),
      ),
    );
    await s.find({ key: "quiet" }).click();
    expect(s.find({ key: "label" }).text).toBe("0"); // not sent: the handler said so
    await s.find({ key: "loud" }).click(); // the next handler updates again, with what waited
    expect([s.find({ key: "label" }).text, s.find({ key: "other" }).text]).toEqual(["1", "b"]);
  });
});
