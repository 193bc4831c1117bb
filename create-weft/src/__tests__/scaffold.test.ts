import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nextSteps, packageManager } from "../packageManager.ts";
import { ownVersion, packageNameFor, scaffold, ScaffoldError } from "../scaffold.ts";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "create-weft-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("scaffold", () => {
  it("writes the counter, its test, a tsconfig, a README, .gitignore and the scripts, on this package's version of weft", () => {
    const dir = join(temp(), "My App");
    const result = scaffold({ dir });
    expect(result.name).toBe("my-app");
    expect(result.files).toEqual([".gitignore", "README.md", "app.test.ts", "app.ts", "package.json", "tsconfig.json"]);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { type: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.type).toBe("module");
    expect(manifest.scripts).toMatchObject({ dev: "weft dev app.ts", start: "weft run app.ts", test: "vitest run", build: "weft build app.ts --static --out dist" });
    expect(manifest.dependencies.weft).toBe(`^${ownVersion()}`);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# my-app\n/);
    expect(readFileSync(join(dir, "app.test.ts"), "utf8")).toContain(`from "weft/testing"`);
  });

  it("refuses a folder with files unless forced, and then keeps the files that are not the template's", () => {
    const dir = temp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(() => scaffold({ dir, name: "x" })).toThrow(ScaffoldError);
    expect(() => scaffold({ dir, name: "x" })).toThrow(/not empty \(notes\.txt\).*--force/);
    expect(existsSync(join(dir, "app.ts"))).toBe(false);
    scaffold({ dir, name: "x", force: true });
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(existsSync(join(dir, "app.ts"))).toBe(true);
  });

  it("an empty folder, or one with only .git, is fine; a bad package name is refused naming --name", () => {
    const dir = temp();
    mkdirSync(join(dir, ".git"));
    expect(scaffold({ dir, name: "ok" }).files).toContain("app.ts");
    expect(() => scaffold({ dir: join(temp(), "x"), name: "Bad Name" })).toThrow(/--name/);
    expect(packageNameFor("  Hello World_2 ")).toBe("hello-world-2");
  });
});

describe("next steps", () => {
  it("are said in the words of the package manager that ran create", () => {
    expect(packageManager("pnpm/9.1.0 npm/? node/v20.20.2 linux x64")).toBe("pnpm");
    expect(packageManager("")).toBe("npm");
    expect(nextSteps("my app", "npm")).toEqual(['cd "my app"', "npm install", "npm run dev"]);
    expect(nextSteps(undefined, "yarn")).toEqual(["yarn install", "yarn dev"]);
  });
});
