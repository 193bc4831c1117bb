import { rmSync } from "node:fs";
import { join } from "node:path";
import { buildPackage, PackBuildError } from "./build.ts";
import { OUT_DIR } from "./hostManifest.ts";
import { findWorkspaceRoot, readWorkspace } from "./workspace.ts";

/**
 * `weft-pack [--no-browser-builds]`, run in the folder of the package that ships (npm runs it
 * there as `prepack`): builds its `dist/`. `weft-pack --clean` (its `postpack`) removes it again,
 * so no build lies in the repository that a later change to the sources would leave stale.
 * Resolves with the exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--no-browser-builds" && a !== "--clean");
  if (unknown.length > 0) {
    console.error(`weft-pack: unknown argument ${unknown[0]}\nUsage: weft-pack [--no-browser-builds] | weft-pack --clean`);
    return 2;
  }
  if (argv.includes("--clean")) {
    rmSync(join(process.cwd(), OUT_DIR), { recursive: true, force: true });
    return 0;
  }
  const workspace = readWorkspace(findWorkspaceRoot(process.cwd()));
  const host = workspace.packages.find((p) => p.dir === process.cwd());
  if (!host) {
    console.error(`weft-pack: ${process.cwd()} is not a workspace package; run it in the package that ships (npm pack --workspace weft does)`);
    return 2;
  }
  try {
    await buildPackage({ workspace, host, browserBuilds: !argv.includes("--no-browser-builds") });
    return 0;
  } catch (err) {
    if (err instanceof PackBuildError) {
      console.error(`weft-pack: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
