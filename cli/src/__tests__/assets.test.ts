import { execFile, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/** `--assets` and the default `assets/` beside the app, on the command line as a user types it. */
const root = fileURLToPath(new URL("../../..", import.meta.url));
// Under the repository, so the app's `import "weft"` resolves.
const dir = join(root, ".tmp", `assets-${process.pid}-${Date.now().toString(36)}`);
mkdirSync(join(dir, "assets"), { recursive: true });
mkdirSync(join(dir, "other"), { recursive: true });
writeFileSync(join(dir, "app.ts"), 'import { Text, type Page } from "weft";\nexport default (page: Page) => page.add(new Text("hi"));\n');
writeFileSync(join(dir, "assets", "logo.svg"), "<svg>default</svg>");
writeFileSync(join(dir, "other", "logo.svg"), "<svg>other</svg>");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `weft run` until it prints its App line; resolves with the URL and a stop. */
function run(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["cli/bin/weft.js", "run", ...args, "--port", "0"], { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk;
      const url = /^App: (\S+)$/m.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill("SIGTERM") });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`weft run exited with ${code}:\n${out}`)));
  });
}

describe("weft run: the app's assets", () => {
  it("serves assets/ beside the app at its root by default, and --assets <dir> instead", async () => {
    for (const [args, body] of [[[], "<svg>default</svg>"], [["--assets", join(dir, "other")], "<svg>other</svg>"]] as const) {
      const app = await run([join(dir, "app.ts"), ...args]);
      try {
        const res = await fetch(new URL("logo.svg", app.url));
        expect([res.status, await res.text()]).toEqual([200, body]);
      } finally {
        app.stop();
      }
    }
  }, 30_000);

  it("refuses an --assets that is not a folder, naming it", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(process.execPath, ["cli/bin/weft.js", "run", join(dir, "app.ts"), "--assets", join(dir, "missing")], { cwd: root }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(code).toBe(2);
    expect(output).toContain(`--assets: ${join(dir, "missing")} is not a folder`);
  }, 30_000);
});
