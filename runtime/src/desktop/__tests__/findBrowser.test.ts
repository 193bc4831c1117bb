import { describe, expect, it } from "vitest";
import { BrowserNotFoundError, findBrowser } from "../findBrowser.ts";
import { windowFlags } from "../launchWindow.ts";

describe("findBrowser", () => {
  it("takes CHROME_PATH when set, before any installed browser", () => {
    expect(findBrowser({ env: { CHROME_PATH: "/usr/bin/chromium" }, chromes: () => ["/opt/google/chrome/chrome"] })).toEqual({ path: "/usr/bin/chromium", name: "Chromium" });
  });

  it("finds an installed Chrome or Chromium, else Edge", () => {
    expect(findBrowser({ env: {}, chromes: () => ["/nonexistent/google-chrome", "/usr/bin/chromium"] }).path).toBe("/usr/bin/chromium");
    expect(findBrowser({ env: {}, chromes: () => [], edge: () => "/usr/bin/chromium" }).name).toBe("Microsoft Edge");
  });

  it("names what it searched and CHROME_PATH when there is no browser", () => {
    const search = () =>
      findBrowser({
        env: {},
        chromes: () => {
          throw new Error("none");
        },
        edge: () => {
          throw new Error("none");
        },
      });
    expect(search).toThrow(BrowserNotFoundError);
    expect(search).toThrow(/no Chrome, Chromium or Edge found for the desktop window\. Searched: CHROME_PATH \(not set\), .*chromium.*microsoft-edge.*set CHROME_PATH/);
  });
});

describe("windowFlags", () => {
  it("opens a private, quiet window at the size the app asked for, with the machine's extra flags", () => {
    const flags = windowFlags({ bounds: { width: 520, height: 400, left: 40, top: 30 }, env: { WEFT_BROWSER_FLAGS: " --disable-gpu  --lang=fr " } });
    expect(flags).toEqual(expect.arrayContaining(["--remote-debugging-pipe", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]));
    expect(flags).toContain("--window-size=520,400");
    expect(flags).toContain("--window-position=40,30");
    expect(flags.slice(-2)).toEqual(["--disable-gpu", "--lang=fr"]);
    expect(flags.includes("--no-sandbox")).toBe(process.platform === "linux" && process.getuid?.() === 0);
    expect(windowFlags({ env: {} }).some((f) => f.startsWith("--window-"))).toBe(false);
  });
});
