import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** `--view` on the command line, as a user types it. */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const app = "examples/counter.ts";

function weft(args: string[], env: NodeJS.ProcessEnv = {}, stopWhen?: () => boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = execFile(process.execPath, ["cli/bin/weft.js", ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: "0", ...env } }, (error) => {
      clearInterval(timer);
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output });
    });
    const timer = setInterval(() => {
      if (stopWhen?.()) child.kill("SIGTERM");
    }, 50);
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  });
}

describe.concurrent("weft run --view", { timeout: 60_000 }, () => {
  it("names the choices for a view it does not know, exit 2", async () => {
    const run = await weft(["run", app, "--view", "window"]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("weft: --view must be one of web, browser, desktop, got 'window'");
  });

  it("says which browser it was told to use and how to fix it when CHROME_PATH is wrong, exit 2, before serving", async () => {
    const run = await weft(["run", app, "--view", "desktop"], { CHROME_PATH: "/nonexistent/chrome" });
    expect(run.code).toBe(2);
    expect(run.output).toContain("weft: CHROME_PATH is /nonexistent/chrome, which is not an executable file.");
    expect(run.output).toContain("unset it to search for one");
    expect(run.output).not.toMatch(/App: |^\s+at /m);
  });

  it("opens the app's URL in the default browser with --view browser ($BROWSER, which xdg-open honours)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "weft-view-browser-"));
    const opened = join(dir, "opened.txt");
    const browser = join(dir, "browser.sh");
    writeFileSync(browser, `#!/bin/sh\necho "$1" > "${opened}"\n`);
    chmodSync(browser, 0o755);
    const run = await weft(["run", app, "--view", "browser", "--port", "0"], { BROWSER: browser, DISPLAY: "", XDG_CURRENT_DESKTOP: "" }, () => existsSync(opened));
    const url = /^App: (\S+)$/m.exec(run.output)![1]!;
    expect(readFileSync(opened, "utf8").trim()).toBe(url);
  });

  it("lists --view in the usage", async () => {
    const run = await weft(["help", "run"]);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/weft run <app.ts> \[--view web\|browser\|desktop\]/);
    expect(run.output).toMatch(/--view desktop\s+show it in its own window/);
  });
});
