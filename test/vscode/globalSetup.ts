import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Before the test: code-server installed (the script returns at once when it already is) and
 * the extension packaged as a .vsix, the way a user would install it.
 */
export default function globalSetup(): void {
  const started = Date.now();
  const entry = execFileSync("bash", [`${root}/scripts/install-code-server.sh`], { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" }).trim().split("\n").at(-1)!;
  process.env.WEFT_CODE_SERVER_ENTRY = entry;
  execFileSync("npm", ["run", "package", "--workspace", "weft-vscode", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  process.env.WEFT_VSIX = `${root}/extensions/vscode/weft-vscode.vsix`;
  console.log(`code-server ready and the extension packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
