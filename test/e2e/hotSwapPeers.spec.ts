import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import { startDevApp, type DevApp } from "../fixtures/dev/devApp.ts";
import { key } from "../support/locators.ts";
import { startWeft } from "../support/weftProcess.ts";

/**
 * Hot swap held to the peers' suites where what the user sees is the point: cases translated
 * from React Refresh (ReactFresh-test.js), Flutter (flutter_tools' integration.shard, the
 * hot-reload page) and Vite (playground/hmr), under `weft dev` in Chromium, on a copy of
 * test/fixtures/dev/peers.ts (with clock.ts beside it). The engine-level translations are in
 * runtime/src/swap/__tests__ and devserver/src/__tests__.
 */
const type = (page: import("@playwright/test").Page, name: string) => page.locator(`[data-weft-type="${name}"]`);

test.describe("weft dev, held to the peers' hot reload suites", () => {
  let dev: DevApp;
  test.beforeEach(async () => {
    dev = await startDevApp("peers.ts", {}, undefined, [], ["clock.ts"]);
  });
  test.afterEach(async () => dev.stop());

  test("ReactFresh: remounts a component whose type changed in the same slot (Hello → Greeting)", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "hello").click();
    await expect(key(page, "hello")).toHaveText("hello 1");
    await expect(type(page, "Hello")).toHaveCount(1);
    const outcome = await dev.edit(
      ["const Hello = component(", 'const Greeting = component(() => {\n  const [n, setN] = useState(10);\n  return new Button({ text: `greeting ${n}`, key: "hello", onClick: () => setN(n + 1) });\n});\n\nconst Hello = component('],
      ["Hello({}), // edit:slot", "Greeting({}), // edit:slot"],
    );
    expect(outcome.kind).toBe("swapped");
    await expect(type(page, "Greeting")).toHaveCount(1);
    await expect(type(page, "Hello")).toHaveCount(0);
    await expect(key(page, "hello")).toHaveText("greeting 10"); // Greeting's output, Greeting's state
    await key(page, "hello").click();
    await expect(key(page, "hello")).toHaveText("greeting 11");
    await expect(key(page, "counter")).toHaveText("count 0"); // its neighbour stays as it was
  });

  test("ReactFresh: remounts failed error boundaries (weft: a new render that throws is refused, the old code keeps serving, the fix is taken)", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "counter").click();
    await expect(key(page, "counter")).toHaveText("count 1");
    const broken = await dev.edit(["const [n, setN] = useState(0);\n  return new Button({ text: `count ${n}`", 'const [n, setN] = useState(0);\n  if (n >= 0) throw new Error("Counter broke");\n  return new Button({ text: `count ${n}`']);
    expect(broken.kind).toBe("error");
    expect(broken.line).toMatch(/^weft: the new code threw while rendering Counter: app\.ts:\d+:\d+: Counter broke/);
    await expect(page.getByTestId("weft-overlay-message")).toContainText("Counter broke");
    await expect(page.getByTestId("weft-overlay-location")).toHaveText(/^app\.ts:\d+:\d+$/);
    await key(page, "counter").click(); // the old code still serves it, with its state
    await expect(key(page, "counter")).toHaveText("count 2");
    const fixed = await dev.edit(['\n  if (n >= 0) throw new Error("Counter broke");', ""], ["`count ${n}` /* edit:counter */", "`clicked ${n}` /* edit:counter */"]);
    expect(fixed.kind).toBe("swapped");
    await expect(page.getByTestId("weft-overlay")).toHaveCount(0);
    await expect(key(page, "counter")).toHaveText("clicked 2");
  });

  test("names arrow components after their variables, under weft dev and weft run", async ({ page }) => {
    await page.goto(dev.url);
    await expect(type(page, "Counter")).toHaveCount(1);
    await expect(type(page, "Component")).toHaveCount(0);
    // The same components without the clock (its interval would keep `weft run` alive after SIGTERM).
    const plain = join(dirname(dev.file), "names.ts");
    writeFileSync(plain, readFileSync(dev.file, "utf8").replace('import { clock } from "./clock.ts";', "const clock = { ticks: 0 };"));
    const run = await startWeft("run", [plain]);
    try {
      await page.goto(run.url);
      await expect(type(page, "Counter")).toHaveCount(1);
      await expect(type(page, "Hello")).toHaveCount(1);
    } finally {
      await run.stop();
    }
  });

  test("Flutter: only the changed module and those leading to it from main run again (a clock the edit does not reach keeps ticking)", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "read").click();
    await expect(key(page, "ticks")).not.toHaveText("");
    const outcome = await dev.edit(['"read the clock" /* edit:read */', '"read it" /* edit:read */']);
    expect(outcome.kind).toBe("swapped");
    await key(page, "read").click();
    const before = Number(await key(page, "ticks").textContent());
    await expect
      .poll(async () => {
        await key(page, "read").click();
        return Number(await key(page, "ticks").textContent());
      })
      .toBeGreaterThan(before);
    expect(dev.proc.output()).not.toContain("clock disposed");
  });

  test("Flutter: multiple overlapping hot reloads are debounced and queued (back-to-back saves: never more swaps than saves, the last one shows)", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "counter").click();
    const source = readFileSync(dev.file, "utf8");
    const before = dev.outcomes().length;
    const label = (text: string) => source.replace("`count ${n}` /* edit:counter */", `\`${text} \${n}\` /* edit:counter */`);
    writeFileSync(dev.file, label("first"));
    writeFileSync(dev.file, label("second"));
    await expect(key(page, "counter")).toHaveText("second 1");
    // A third save, to see every swap the first two led to before it.
    await dev.writeFiles({ "app.ts": label("third") });
    await expect(key(page, "counter")).toHaveText("third 1");
    const swaps = dev.outcomes().slice(before);
    expect(swaps.every((o) => o.kind === "swapped")).toBe(true);
    expect(swaps.length).toBeLessThanOrEqual(3);
  });

  test("a harmless statement at the top of the module (void Other;) does not force a hot restart", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "counter").click();
    const outcome = await dev.edit(["export default function main", "void Counter;\n\nexport default function main"]);
    expect(outcome.kind).toBe("swapped");
    await expect(key(page, "counter")).toHaveText("count 1");
  });
});

