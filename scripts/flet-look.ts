/**
 * Shoots weft's ports of Flet's tutorials (examples/flet/) in the state Flet's own screenshots
 * show, for the side-by-side pairs of docs/flet-look/:
 *
 *   npm run look:flet                          weft's half: docs/flet-look/weft/<name>.png
 *   npm run look:flet -- --flet <checkout>     also Flet's half, from a flet-dev/flet checkout
 *
 * Each port runs in its own weft server (real sessions over a real WebSocket) and is driven in
 * Debian's Chromium as a user would drive it: digits typed, tasks added, three people chatting.
 * The window is the size of Flet's screenshot at the same 2× scale (Flet's were taken on Windows
 * at 200 % or on a 2× screen), so the two halves compare pixel for pixel.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { AppMain } from "weft";
import { createWeftServer } from "weft/server";

/** One pair: Flet's picture and how to bring weft's port to the state it shows. */
interface Pair {
  name: string;
  /** Flet's file under sdk/python/examples/tutorials/. */
  flet: string;
  /** For an animated GIF: the frame to keep (its last, the finished conversation). */
  frame?: number;
  /** Device px cut off the top of Flet's picture: the Windows title bar. */
  titleBar?: number;
  /** The browser window, when Flet's picture is a cut-out of a larger one (default: the picture's size). */
  window?: { width: number; height: number };
  port: string;
  /** Brings the app to Flet's state in `page` (more pages of `context` may join) and returns what to shoot. */
  drive: (page: Page, newPage: () => Promise<Page>) => Promise<{ clip?: { x: number; y: number; width: number; height: number } } | void>;
}

const SCALE = 2;

const pairs: Pair[] = [
  {
    name: "calculator",
    flet: "calculator/media/app.png",
    titleBar: 58,
    port: "calculator.ts",
    // Flet's picture shows the calculator just opened: 0.
    drive: async (page) => {
      await page.getByText("0", { exact: true }).first().waitFor();
    },
  },
  {
    name: "todo",
    flet: "todo/media/app-4.png",
    titleBar: 58,
    port: "todo.ts",
    drive: async (page) => {
      const field = page.locator('[data-weft-key="new_task"] input');
      for (const task of ["Create Flet app", "Final touches", "Deploy app"]) {
        await field.fill(task);
        await page.locator('[data-weft-key="add_task"]').click();
        await page.getByText(task, { exact: true }).waitFor();
      }
      await page.getByText("3 active item(s) left").waitFor();
      // Flet's picture has the field unfocused and no pointer over the page.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    },
  },
  {
    name: "chat-dialog",
    flet: "chat/media/username-dialog.png",
    port: "chat.ts",
    window: { width: 918, height: 616 },
    // Flet's picture is the dialog cut out of the page, with 16 px of the dimmed page around it.
    drive: async (page) => {
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      const box = (await dialog.boundingBox())!;
      return { clip: { x: box.x - 16, y: box.y - 21, width: box.width + 32, height: box.height + 42 } };
    },
  },
  {
    name: "chat",
    flet: "chat/media/chat.gif",
    frame: 105,
    port: "chat.ts",
    // The conversation of Flet's chat.gif, by three people in three browsers; John's is shot.
    drive: async (john, newPage) => {
      const mary = await newPage();
      const flet = await newPage();
      const join = async (page: Page, name: string) => {
        await page.getByLabel("Enter your name to join the chat").fill(name);
        await page.getByRole("button", { name: "Join chat" }).click();
        await page.getByRole("alertdialog").waitFor({ state: "hidden" });
      };
      const say = async (page: Page, text: string) => {
        const field = page.getByPlaceholder("Write a message...");
        await field.fill(text);
        await field.press("Enter");
        await john.getByText(text, { exact: true }).waitFor();
      };
      await join(john, "John");
      await say(john, "Hi everyone!");
      await join(mary, "Mary");
      await say(mary, "Hi John!");
      await say(mary, "How are you?");
      await say(john, "I'm fine, thanks!");
      await say(mary, "John, if you don't mind I'd like to ask a few questions about Flet framework?");
      await say(john, "Sure, but let's wait for Flet to join us!");
      await join(flet, "Flet");
      await say(flet, "Hey guys, welcome to Flet Chat!");
      await say(flet, "If you have any questions about Flet framework please let me know!");
      await say(john, "Cool, thanks, will do!");
      await john.getByPlaceholder("Write a message...").focus();
    },
  },
];

const { values } = parseArgs({ options: { flet: { type: "string" }, only: { type: "string" } } });
const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "docs/flet-look");
mkdirSync(join(out, "flet"), { recursive: true });
mkdirSync(join(out, "weft"), { recursive: true });

/**
 * Copies Flet's picture into docs/flet-look/flet/, cut as described. Chromium decodes and cuts it
 * (WebCodecs' ImageDecoder picks a GIF's frame with the earlier ones composed under it); no
 * image tool is needed.
 */
async function copyFletPicture(browser: Browser, pair: Pair, checkout: string): Promise<void> {
  const source = join(checkout, "sdk/python/examples/tutorials", pair.flet);
  if (!existsSync(source)) throw new Error(`${source} is not there: is ${checkout} a flet-dev/flet checkout?`);
  // ImageDecoder exists only in a secure context: an empty page from 127.0.0.1.
  const blank = createServer((_, res) => res.end("<!doctype html>"));
  await new Promise<void>((resolve) => blank.listen(0, "127.0.0.1", resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(blank.address() as AddressInfo).port}/`);
    const png = await page.evaluate(
      async ({ base64, type, frame, titleBar }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const decoder = new ImageDecoder({ data, type });
        const { image } = await decoder.decode({ frameIndex: frame });
        const canvas = document.createElement("canvas");
        canvas.width = image.displayWidth;
        canvas.height = image.displayHeight - titleBar;
        canvas.getContext("2d")!.drawImage(image, 0, -titleBar);
        image.close();
        return canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
      },
      { base64: readFileSync(source).toString("base64"), type: pair.flet.endsWith(".gif") ? "image/gif" : "image/png", frame: pair.frame ?? 0, titleBar: pair.titleBar ?? 0 },
    );
    const target = join(out, "flet", `${pair.name}.png`);
    writeFileSync(target, Buffer.from(png, "base64"));
    if (existsSync("/usr/bin/pngquant")) execFileSync("/usr/bin/pngquant", ["--force", "--skip-if-larger", "--quality=70-95", "--output", target, target]);
    console.log(`flet  ${pair.flet}${pair.frame === undefined ? "" : ` (frame ${pair.frame})`} -> ${target}`);
  } finally {
    await page.close();
    blank.close();
  }
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function shoot(browser: Browser, pair: Pair): Promise<void> {
  const fletPicture = join(out, "flet", `${pair.name}.png`);
  if (!existsSync(fletPicture)) throw new Error(`${fletPicture} is missing: run once with --flet <flet-dev/flet checkout>`);
  const size = pngSize(readFileSync(fletPicture));
  const viewport = pair.window ?? { width: Math.floor(size.width / SCALE), height: Math.floor(size.height / SCALE) };
  const mod = (await import(join(root, "examples/flet", pair.port))) as { default: AppMain };
  const server = await createWeftServer({ main: mod.default, port: 0 });
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: SCALE, colorScheme: "light" });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator("[data-weft-type=View]").waitFor();
    return page;
  };
  try {
    const page = await newPage();
    const shot = (await pair.drive(page, newPage)) ?? {};
    // The pointer off the page, the fonts in, nothing on its way: what is drawn is final.
    await page.mouse.move(viewport.width - 1, viewport.height - 1);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    const target = join(out, "weft", `${pair.name}.png`);
    writeFileSync(target, await page.screenshot({ clip: shot.clip, animations: "disabled" }));
    if (existsSync("/usr/bin/pngquant")) execFileSync("/usr/bin/pngquant", ["--force", "--skip-if-larger", "--quality=70-95", "--output", target, target]);
    console.log(`weft  examples/flet/${pair.port} at ${viewport.width}×${viewport.height} ×${SCALE} -> ${target} (${(readFileSync(target).length / 1024).toFixed(0)} kB)`);
  } finally {
    for (const context of contexts) await context.close();
    await server.close();
  }
}

const chosen = values.only ? pairs.filter((p) => p.name === values.only) : pairs;
if (chosen.length === 0) {
  console.error(`--only takes one of: ${pairs.map((p) => p.name).join(", ")}`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  if (values.flet) for (const pair of chosen) await copyFletPicture(browser, pair, values.flet);
  for (const pair of chosen) await shoot(browser, pair);
} finally {
  await browser.close();
}
