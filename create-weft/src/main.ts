import { relative } from "node:path";
import { createInterface } from "node:readline/promises";
import { nextSteps, packageManager } from "./packageManager.ts";
import { ScaffoldError, scaffold } from "./scaffold.ts";

export const usage = `Usage: npm create weft@latest [dir] [-- --force] [--name NAME]
       weft create [dir] [--force] [--name NAME]

Writes a new weft project into dir: app.ts (a counter), app.test.ts (weft/testing),
tsconfig.json, README.md, .gitignore and package.json with the scripts dev, start, test,
typecheck, build (a static site) and preview.

  --force       write into a folder that is not empty (the template's files are overwritten)
  --name NAME   the package name (default: made from the folder's name)`;

/** `create-weft [dir] [--force] [--name NAME]`; resolves with the exit code. */
export async function main(argv: string[], command = "create-weft"): Promise<number> {
  const positionals: string[] = [];
  let force = false;
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force" || arg === "-f") force = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(usage);
      return 0;
    } else if (arg === "--name" || arg.startsWith("--name=")) {
      name = arg.includes("=") ? arg.slice("--name=".length) : argv[++i];
      if (!name) return fail(command, "--name needs a value");
    } else if (arg.startsWith("-")) return fail(command, `unknown option ${arg}\n\n${usage}`);
    else positionals.push(arg);
  }
  if (positionals.length > 1) return fail(command, `one folder at a time, got ${positionals.join(" ")}`);
  let dir = positionals[0];
  if (dir === undefined) {
    if (!process.stdin.isTTY) return fail(command, `which folder? ${command === "create-weft" ? "npm create weft@latest my-app" : "weft create my-app"}`);
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    dir = (await rl.question("Project folder: (weft-app) ")).trim() || "weft-app";
    rl.close();
  }
  try {
    const result = scaffold({ dir, force, ...(name !== undefined ? { name } : {}) });
    const shown = relative(process.cwd(), result.dir);
    console.log(`\nScaffolded ${result.name} in ${shown || "."}: ${result.files.join(", ")}\n\nNext steps:`);
    for (const step of nextSteps(shown || undefined, packageManager())) console.log(`  ${step}`);
    console.log("");
    return 0;
  } catch (err) {
    if (err instanceof ScaffoldError) return fail(command, err.message);
    throw err;
  }
}

function fail(command: string, message: string): number {
  console.error(`${command}: ${message}`);
  return 2;
}
