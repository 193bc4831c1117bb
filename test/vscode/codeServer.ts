import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../support/ports.ts";

export interface CodeServer {
  url: string;
  /** The workbench URL with `folder` open. */
  folderUrl(folder: string): string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1 with its own config, user data and extensions folders under
 * `dir` (so nothing is written to ~/.config or ~/.local), no auth, the .vsix installed, and the
 * settings a test wants (no welcome page, no workspace trust prompt, no telemetry).
 */
export async function startCodeServer(options: { entry: string; vsix: string; dir: string; settings?: Record<string, unknown> }): Promise<CodeServer> {
  const { entry, dir } = options;
  const port = await freePort();
  const config = join(dir, "config.yaml");
  const userData = join(dir, "user-data");
  const extensions = join(dir, "extensions");
  mkdirSync(join(userData, "User"), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(
    join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "extensions.ignoreRecommendations": true,
        "extensions.autoUpdate": false,
        "extensions.autoCheckUpdates": false,
        "update.mode": "none",
        "git.enabled": false,
        "editor.minimap.enabled": false,
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const common = ["--config", config, "--user-data-dir", userData, "--extensions-dir", extensions];
  execFileSync(process.execPath, [entry, ...common, "--install-extension", options.vsix, "--force"], { stdio: "pipe" });
  const child: ChildProcess = spawn(
    process.execPath,
    [entry, ...common, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened"],
    // Its own process group: stopping it stops its extension hosts and file watchers too.
    { stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, VSCODE_PROXY_URI: "" } },
  );
  let out = "";
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in time:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("HTTP server listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    folderUrl: (folder) => `${url}/?folder=${encodeURIComponent(folder)}`,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const group = (signal: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            // gone already
          }
        };
        const force = setTimeout(() => group("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          group("SIGKILL"); // what is left of the group
          resolve();
        });
        group("SIGTERM");
      }),
  };
}
