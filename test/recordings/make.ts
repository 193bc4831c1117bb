/**
 * Makes the recordings in this folder the way a user would: `weft run <app> --record` on a free
 * port, a real Chromium driven by the `data-weft-key` markers, then the server stopped so each
 * recording gets its end line. Run it again after a change that alters what the apps send:
 *
 *   node --import tsx test/recordings/make.ts [counter|todo]...
 *
 * Each recording is renamed to `<app>.weft.jsonl` and replayed once before the script says ok.
 */
import { readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { replay } from "weft/testing";
import { startWeft } from "../support/weftProcess.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

const key = (page: Page, k: string) => page.locator(`[data-weft-key="${k}"]`);

/** What a user does in each app, waiting after each action until the page shows its effect. */
const scripts: Record<string, (page: Page) => Promise<void>> = {
  async counter(page) {
    const count = key(page, "count");
    await count.getByText("0").waitFor();
    for (const [button, shown] of [["inc", "1"], ["inc", "2"], ["inc", "3"], ["dec", "2"], ["inc", "3"]] as const) {
      await key(page, button).click();
      await count.getByText(shown, { exact: true }).waitFor();
    }
  },
  async todo(page) {
    const field = key(page, "new-task").locator("input");
    const left = key(page, "items-left");
    await left.getByText("0 items left").waitFor();
    await field.fill("milk");
    await key(page, "add").click();
    await left.getByText("1 item left").waitFor();
    await field.fill("eggs");
    await field.press("Enter");
    await left.getByText("2 items left").waitFor();
    await field.fill("bread");
    await key(page, "add").click();
    await left.getByText("3 items left").waitFor();
    await key(page, "todo-eggs").locator('[data-weft-key="done"] input[type="checkbox"]').check();
    await left.getByText("2 items left").waitFor();
    await key(page, "filter-active").click();
    await key(page, "todo-eggs").waitFor({ state: "hidden" });
    await key(page, "filter-all").click();
    await key(page, "todo-eggs").waitFor({ state: "visible" });
    await key(page, "todo-milk").locator('[data-weft-key="edit"]').click();
    const edit = key(page, "todo-milk").locator('[data-weft-key="edit-name"] input');
    await edit.fill("oat milk");
    await key(page, "todo-milk").locator('[data-weft-key="save"]').click();
    await key(page, "todo-milk").getByText("oat milk").waitFor();
    await key(page, "todo-bread").locator('[data-weft-key="delete"]').click();
    await key(page, "todo-bread").waitFor({ state: "detached" });
    await key(page, "clear").click();
    await key(page, "todo-eggs").waitFor({ state: "detached" });
    await left.getByText("1 item left").waitFor();
  },
  async routing(page) {
    await key(page, "title").waitFor();
    await key(page, "item-2").click();
    await key(page, "item-name").getByText("Bread").waitFor();
    await page.goBack(); // the browser's back button: a route change from the client
    await key(page, "item-name").waitFor({ state: "detached" });
    await key(page, "about").click();
    await key(page, "about-text").waitFor();
    await page.goBack();
    await key(page, "about-text").waitFor({ state: "detached" });
    await page.goForward();
    await key(page, "about-text").waitFor();
  },
};

async function record(app: string): Promise<void> {
  const before = new Set(readdirSync(here));
  const server = await startWeft("run", [`examples/${app}.ts`, "--record", "test/recordings"]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.url);
    await scripts[app]!(page);
    await page.close(); // the tab goes: the recording notes the disconnect
  } finally {
    await browser.close();
    await server.stop(); // closes the session: the recording gets its end line
  }
  const made = readdirSync(here).filter((name) => !before.has(name) && name.endsWith(".weft.jsonl"));
  if (made.length !== 1) throw new Error(`expected one new recording for ${app}, found ${made.length}:\n${server.output()}`);
  const target = join(here, `${app}.weft.jsonl`);
  renameSync(join(here, made[0]!), target);
  const result = await replay(target);
  if (!result.ok) throw new Error(`the fresh recording of ${app} does not replay:\n${result.report()}`);
  console.log(`${app}: ${result.report()}`);
}

const apps = process.argv.slice(2);
for (const app of apps.length ? apps : Object.keys(scripts)) {
  if (!scripts[app]) throw new Error(`no script for '${app}' (have: ${Object.keys(scripts).join(", ")})`);
  await record(app);
}
