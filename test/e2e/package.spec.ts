import { expect, test } from "@playwright/test";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { key } from "../support/locators.ts";
import { inUserShell, installedProject, mustRun, packTarballs, startInstalledWeft, startUntilApp, type Tarballs } from "../support/installedWeft.ts";
import type { WeftProcess } from "../support/weftProcess.ts";

/**
 * weft as a user gets it: `npm pack` makes the one tarball (and create-weft's), installed into a
 * fresh project outside this checkout with its dependencies from the registry, and run with
 * `npx weft` by a process that knows nothing of this repository (no @weft/source condition).
 */

const counterApp = readFileSync(new URL("../../create-weft/template/app.ts", import.meta.url), "utf8");

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.describe("the packed weft, installed into a fresh project", () => {
  let tarballs: Tarballs;
  let project: string;
  const running: WeftProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    tarballs = await packTarballs();
    project = await installedProject(tarballs);
    writeFileSync(join(project, "app.ts"), counterApp);
  });
  test.afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
  });
  test.afterAll(() => tarballs?.remove());

  test("holds no TypeScript of weft's and nothing of this repository's layout", async () => {
    const installed = join(project, "node_modules", "weft");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
    for (const entry of [".", "./testing", "./server", "./static"]) expect(manifest.exports[entry]).toMatchObject({ types: expect.stringMatching(/\.d\.ts$/), default: expect.stringMatching(/\.js$/) });
    // No workspace package is a dependency: they are inside the tarball.
    expect(Object.keys(manifest.dependencies).filter((d) => d.startsWith("@weft/"))).toEqual([]);
    expect(existsSync(join(project, "node_modules", "@weft"))).toBe(false);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(await mustRun(project, "npx", ["weft", "--version"])).toBe(`${JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version}\n`);
    const help = await mustRun(project, "npx", ["weft", "help", "build"]);
    expect(help).toContain("weft build <app.ts> --static --out <dir>");
  });

  test("a strict tsc --noEmit type-checks the app against weft's declarations, and a wrong prop type is an error", async () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "bundler", allowImportingTsExtensions: true, noEmit: true, strict: true, skipLibCheck: false, types: ["node"] }, include: ["*.ts"] }),
    );
    writeFileSync(
      join(project, "server.ts"),
      `import { createWeftServer, type WeftServer } from "weft/server";\nimport { openSession } from "weft/testing";\nimport main from "./app.ts";\nexport const start = (): Promise<WeftServer> => createWeftServer({ main, port: 0 });\nexport const open = () => openSession(main);\n`,
    );
    expect(await inUserShell(project, "npx", ["tsc", "--noEmit"])).toEqual({ code: 0, output: "" });

    writeFileSync(join(project, "wrong.ts"), `import { Text } from "weft";\nexport const big = new Text({ value: "x", size: "big" });\n`);
    const wrong = await inUserShell(project, "npx", ["tsc", "--noEmit"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/wrong\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  test("npx weft run serves the app; a click in Chromium changes it; weft/server runs from plain node", async ({ page }) => {
    const app = await startInstalledWeft(project, "run", ["app.ts"]);
    running.push(app);
    await page.goto(app.url);
    await expect(key(page, "count")).toHaveText("0");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");

    // weft/server, from a JavaScript file and plain node: no compiler anywhere.
    writeFileSync(
      join(project, "serve.mjs"),
      `import { Text } from "weft";\nimport { createWeftServer } from "weft/server";\nconst server = await createWeftServer({ main: (page) => page.add(new Text({ value: "served", key: "hello" })), port: 0 });\nconsole.log("App: " + server.url);\nprocess.on("SIGTERM", () => server.close().then(() => process.exit(0)));\n`,
    );
    const served = await startUntilApp(project, process.execPath, ["serve.mjs"]);
    running.push(served);
    await page.goto(served.url);
    await expect(key(page, "hello")).toHaveText("served");
  });

  test("npx weft run compiles a TypeScript app with its own modules too, and a failing app is named by its own file and line, with nothing left beside it", async ({ page }) => {
    // Compiled alone, an app importing another .ts file of its own would not load: tsx's loader takes it.
    writeFileSync(join(project, "greeting.ts"), `export const greeting: string = "hello from greeting.ts";\n`);
    writeFileSync(join(project, "local.ts"), `import { Text, type Page } from "weft";\nimport { greeting } from "./greeting.ts";\nexport default function main(page: Page) {\n  page.add(new Text({ value: greeting, key: "greeting" }));\n}\n`);
    const app = await startInstalledWeft(project, "run", ["local.ts"]);
    running.push(app);
    await page.goto(app.url);
    await expect(key(page, "greeting")).toHaveText("hello from greeting.ts");

    writeFileSync(join(project, "throws.ts"), `import type { Page } from "weft";\nconst limit: number = 3;\nif (limit > 2) throw new Error("limit too high");\nexport default function main(page: Page) {}\n`);
    const thrown = await inUserShell(project, "npx", ["weft", "run", "throws.ts", "--port", "0"]);
    expect(thrown.code).toBe(2);
    expect(thrown.output).toContain("cannot load the app: throws.ts:3:");
    expect(thrown.output).toContain("limit too high");
    expect(thrown.output).toMatch(/> 3 \| if \(limit > 2\) throw new Error/);

    writeFileSync(join(project, "typo.ts"), `import type { Page } from "weft";\nexport default function main(page: Page) {\n  const = 5;\n}\n`);
    const typo = await inUserShell(project, "npx", ["weft", "run", "typo.ts", "--port", "0"]);
    expect(typo.code).toBe(2);
    expect(typo.output).toContain("cannot load the app: typo.ts:3:");
    expect(typo.output).toMatch(/> 3 \|\s+const = 5;/);
    expect(readdirSync(project).filter((f) => f.includes(".weft-"))).toEqual([]);
  });

  test("npx weft dev: a saved edit shows in the open tab, which keeps its state", async ({ page }) => {
    const dev = await startInstalledWeft(project, "dev", ["app.ts"]);
    running.push(dev);
    expect(dev.urls.Inspector).toBeDefined();
    await page.goto(dev.url);
    await key(page, "inc").click();
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("2");
    writeFileSync(join(project, "app.ts"), counterApp.replace(`text: "+"`, `text: "add one"`));
    await expect(key(page, "inc")).toHaveText("add one");
    await expect(key(page, "count")).toHaveText("2");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("3");
    writeFileSync(join(project, "app.ts"), counterApp);
  });

  test("npx weft run --record, then npx weft replay passes against the app", async ({ page }) => {
    const app = await startInstalledWeft(project, "run", ["app.ts", "--record", "recordings"]);
    running.push(app);
    await page.goto(app.url);
    await key(page, "inc").click();
    await key(page, "dec").click();
    await key(page, "dec").click();
    await expect(key(page, "count")).toHaveText("-1");
    await page.close();
    await app.stop();
    const replay = await inUserShell(project, "npx", ["weft", "replay", "recordings"]);
    expect(replay.output).toMatch(/1 passed|✓/);
    expect(replay.code).toBe(0);
  });

  test("npx weft build --static and weft preview: the app runs in the tab", async ({ page }) => {
    await mustRun(project, "npx", ["weft", "build", "app.ts", "--static", "--out", "site"]);
    const preview = await startInstalledWeft(project, "preview", ["site"]);
    running.push(preview);
    await page.goto(preview.url);
    await expect(key(page, "count")).toHaveText("0");
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
  });

  test("npx weft create refuses a folder with files, and writes the counter project into an empty one", async () => {
    mkdirSync(join(project, "taken"));
    writeFileSync(join(project, "taken", "notes.txt"), "mine");
    const refused = await inUserShell(project, "npx", ["weft", "create", "taken"]);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain("--force");
    expect(readFileSync(join(project, "taken", "notes.txt"), "utf8")).toBe("mine");

    const made = await mustRun(project, "npx", ["weft", "create", "my-app"]);
    expect(made).toContain("Next steps:");
    expect(made).toContain("cd my-app");
    for (const file of ["app.ts", "app.test.ts", "tsconfig.json", "README.md", ".gitignore", "package.json"]) expect(existsSync(join(project, "my-app", file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(project, "my-app", "package.json"), "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(["dev", "start", "test", "build"]));
    expect(manifest.dependencies.weft).toBe(`^${JSON.parse(readFileSync(join(project, "node_modules", "weft", "package.json"), "utf8")).version}`);
  });

  test("npm create weft (the create-weft tarball) writes a project whose npm install && npm test pass, and npm run dev serves it", async ({ page }) => {
    const made = await mustRun(tarballs.dir, "npm", ["exec", "--yes", "--package", tarballs.createWeft, "--", "create-weft", "new-app"]);
    expect(made).toContain("npm install");
    const app = join(tarballs.dir, "new-app");
    for (const file of ["app.ts", "app.test.ts", "tsconfig.json", "README.md", ".gitignore", "package.json"]) expect(existsSync(join(app, file))).toBe(true);
    // The weft it depends on is the create package's version; unreleased, it comes from the tarball.
    await mustRun(app, "npm", ["pkg", "set", `dependencies.weft=file:${tarballs.weft}`]);
    await mustRun(app, "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], 300_000);
    const tested = await mustRun(app, "npm", ["test"]);
    expect(tested).toMatch(/1 passed/);
    expect(await inUserShell(app, "npm", ["run", "typecheck"])).toMatchObject({ code: 0 });
    const dev = await startUntilApp(app, "npm", ["run", "dev", "--", "--port", "0"]);
    running.push(dev);
    await page.goto(dev.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
  });
});
