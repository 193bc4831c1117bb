import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DevServerInfo } from "@weft/protocol/channel";

/**
 * `<workspace>/.weft/devserver.json`: where tools that were not started by `weft dev` (the
 * VS Code extension) find the running devserver. Holds the token, so it is readable by the
 * user only. Removed when the devserver stops (if it is still this process's).
 */
export type { DevServerInfo };

/** The workspace of an app: the nearest folder above it with a .git, a .vscode, or a package.json. */
export function findWorkspace(from: string): string {
  let firstPackage: string | null = null;
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git")) || existsSync(join(dir, ".vscode"))) return dir;
    if (!firstPackage && existsSync(join(dir, "package.json"))) firstPackage = dir;
    if (dirname(dir) === dir) return firstPackage ?? from;
  }
}

export function writeDevServerInfo(workspace: string, info: DevServerInfo): string {
  const dir = join(workspace, ".weft");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "devserver.json");
  writeFileSync(file, JSON.stringify(info, null, 2) + "\n", { mode: 0o600 });
  return file;
}

export function removeDevServerInfo(file: string, pid: number): void {
  try {
    const current = JSON.parse(readFileSync(file, "utf8")) as { pid?: number };
    if (current.pid === pid) rmSync(file, { force: true });
  } catch {
    // gone already, or not ours to remove
  }
}
