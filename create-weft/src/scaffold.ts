import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";

/** The template's files, beside this package's sources (and beside its build, which mirrors them). */
const templateDir = new URL("../template/", import.meta.url);

/** Template files whose names npm would not publish as they are. */
const renamed: Record<string, string> = { _gitignore: ".gitignore" };

export interface ScaffoldOptions {
  /** The folder to write (made if missing). */
  dir: string;
  /** Write into a folder that is not empty (the template's files are overwritten, others stay). */
  force?: boolean;
  /** The package name; default: made from the folder's name. */
  name?: string;
  /** The version range of weft the project depends on; default: `^` this package's own version. */
  weftVersion?: string;
}

export interface ScaffoldResult {
  dir: string;
  name: string;
  /** Written, relative to `dir`. */
  files: string[];
}

/** A folder that cannot be written as asked; the message names the option that would allow it. */
export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

/** This package's version: the weft a new project starts on (weft and create-weft are released together). */
export function ownVersion(): string {
  return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
}

/**
 * Writes a new weft project into `dir`: the counter app, its test with `weft/testing`, a
 * tsconfig, a README, .gitignore, and a package.json with the scripts dev, start, test,
 * typecheck, build (a static site) and preview. Refuses a folder that has files unless `force`.
 */
export function scaffold(options: ScaffoldOptions): ScaffoldResult {
  const dir = resolve(options.dir);
  const existing = existsSync(dir) ? readdirSync(dir).filter((f) => f !== ".git") : [];
  if (existing.length > 0 && !options.force) {
    throw new ScaffoldError(`${dir} is not empty (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", …" : ""}); pick a new folder, or pass --force to write the template's files into it`);
  }
  const name = options.name ?? packageNameFor(basename(dir));
  const problem = invalidPackageName(name);
  if (problem) throw new ScaffoldError(`"${name}" cannot be a package name: ${problem}; pass --name <name>`);
  mkdirSync(dir, { recursive: true });

  const files: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(join(dir, file), text);
    files.push(file);
  };
  for (const entry of readdirSync(templateDir)) {
    const text = readFileSync(new URL(entry, templateDir), "utf8").replaceAll("{{name}}", name);
    write(renamed[entry] ?? entry, text);
  }
  write("package.json", `${JSON.stringify(projectManifest(name, options.weftVersion ?? `^${ownVersion()}`), null, 2)}\n`);
  return { dir, name, files: files.sort() };
}

/** The new project's package.json. */
export function projectManifest(name: string, weftVersion: string): Record<string, unknown> {
  return {
    name,
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      dev: "weft dev app.ts",
      start: "weft run app.ts",
      test: "vitest run",
      typecheck: "tsc --noEmit",
      build: "weft build app.ts --static --out dist",
      preview: "weft preview dist",
    },
    dependencies: { weft: weftVersion },
    devDependencies: { "@types/node": "^20.19.0", typescript: "~5.9.3", vitest: "^4.1.12" },
  };
}

/** A folder's name as an npm package name, as create-vite makes one: lower case, dashes for the rest. */
export function packageNameFor(folder: string): string {
  return folder
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/^[._]/, "")
    .replace(/[^a-z\d\-~]+/g, "-");
}

/** Why `name` is not a valid npm package name, or undefined. */
export function invalidPackageName(name: string): string | undefined {
  if (name.length === 0) return "it is empty";
  if (name.length > 214) return "it is longer than 214 characters";
  if (!/^(?:@[a-z\d\-*~][a-z\d\-*._~]*\/)?[a-z\d\-~][a-z\d\-._~]*$/.test(name)) return "npm allows lower-case letters, digits, - . _ ~ (and one @scope/)";
  return undefined;
}
