import { buildPackage, PackBuildError } from "./build.ts";
import { findWorkspaceRoot, readWorkspace } from "./workspace.ts";

/**
 * `weft-pack [--no-browser-builds]`, run in the folder of the package that ships (npm runs it
 * there as `prepack`): builds its `dist/`. Resolves with the exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--no-browser-builds");
  if (unknown.length > 0) {
    console.error(`weft-pack: unknown argument ${unknown[0]}\nUsage: weft-pack [--no-browser-builds]`);
    return 2;
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
