import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";

/**
 * The inspector's token is the workspace's: `weft dev` and `weft dev --static` keep it in
 * `.weft/token` (readable by the user only), so an inspector or the VS Code extension left open
 * across a restart reconnects with the URL it has.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let workspace: string;
let app: string;

test.beforeEach(() => {
  // Its own workspace: the .vscode folder makes it the nearest one above the app.
  workspace = join(root, ".tmp", `token-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  app = join(workspace, "app.ts");
  copyFileSync(join(root, "test/fixtures/dev/app.ts"), app);
});

test.afterEach(() => rmSync(workspace, { recursive: true, force: true }));

const tokenOf = (weft: WeftProcess) => new URL(weft.urls.Inspector!).searchParams.get("token");
const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

/** Starts weft dev with `args`, checks what it wrote into .weft/ while it runs, and stops it. */
async function run(args: string[]): Promise<string> {
  const weft = await startWeft("dev", [app, ...args]);
  try {
    const token = tokenOf(weft);
    expect(token).toMatch(/^[\w-]{20,}$/);
    const infos = readdirSync(join(workspace, ".weft")).filter((name) => /^devserver-\d+\.json$/.test(name));
    expect(infos).toEqual([`devserver-${weft.child.pid}.json`]);
    const info = join(workspace, ".weft", infos[0]!);
    expect(JSON.parse(readFileSync(info, "utf8"))).toMatchObject({ token, inspector: weft.urls.Inspector });
    expect(modeOf(info)).toBe("600");
    return token!;
  } finally {
    await weft.stop();
  }
}

test("weft dev --static keeps the inspector's token across restarts, in .weft/token (mode 600), the same as weft dev's", async () => {
  const first = await run(["--static"]);
  const tokenFile = join(workspace, ".weft", "token");
  expect(readFileSync(tokenFile, "utf8").trim()).toBe(first);
  expect(modeOf(tokenFile)).toBe("600");

  // Restarted: the same token, so the printed Inspector URL is the same one.
  expect(await run(["--static"])).toBe(first);
  // weft dev in the same workspace uses the workspace's token too, and the other way round.
  expect(await run([])).toBe(first);

  // A copy or an editor that widened the file's mode: put back to 600, the token kept.
  chmodSync(tokenFile, 0o644);
  expect(await run(["--static"])).toBe(first);
  expect(modeOf(tokenFile)).toBe("600");
});
