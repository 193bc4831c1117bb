import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { defaultAssetsDir } from "weft/server";
import { stringFlag, UsageError, type ParsedArgs } from "./args.ts";

/** `--assets <dir>` (Flet's `assets_dir`), checked; without it, `assets/` beside the app if there. */
export function assetsFromArgs(args: ParsedArgs, appFile: string): string | undefined {
  const given = stringFlag(args, "assets");
  if (given === undefined) return defaultAssetsDir(appFile);
  const dir = resolve(given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--assets: ${dir} is not a folder`);
  return dir;
}
