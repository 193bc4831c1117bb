import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, untilPortAnswers } from "./ports.ts";

/** Debian's nginx (`apt-get install nginx`; `.ci/run` installs it). */
export const nginxPath = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;

export function nginxMissing(): string | null {
  return nginxPath ? null : "nginx is not installed at /usr/sbin/nginx (apt-get install nginx; .ci/run installs it)";
}

const exampleFile = fileURLToPath(new URL("../../examples/scale/nginx.conf", import.meta.url));

/**
 * examples/scale/nginx.conf as shipped, with only its ports changed: nginx's listen port, and
 * the three processes of each upstream. Throws if the file no longer has them, so the example
 * and the test cannot drift apart.
 */
export function exampleNginxConfig(listenPort: number, processPorts: readonly number[]): string {
  let text = readFileSync(exampleFile, "utf8");
  const listen = /listen 127\.0\.0\.1:\d+;/g;
  if ((text.match(listen) ?? []).length !== 1) throw new Error(`${exampleFile}: expected one 'listen 127.0.0.1:PORT;'`);
  text = text.replace(listen, `listen 127.0.0.1:${listenPort};`);
  let upstreams = 0;
  text = text.replace(/(upstream \w+ \{[^}]*?)((?:\s*server 127\.0\.0\.1:\d+;)+)/g, (_, head: string, servers: string) => {
    upstreams++;
    const count = servers.match(/server /g)!.length;
    if (count !== processPorts.length) throw new Error(`${exampleFile}: an upstream lists ${count} servers, the test runs ${processPorts.length}`);
    return head + processPorts.map((port) => `\n    server 127.0.0.1:${port};`).join("");
  });
  if (upstreams !== 2) throw new Error(`${exampleFile}: expected two upstreams of 127.0.0.1 servers, found ${upstreams}`);
  return text;
}

export interface NginxServer {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  /** Its error log so far. */
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * A real nginx for a test, with `config` (a whole nginx.conf whose paths are relative to the
 * prefix, as examples/scale/nginx.conf's are) in a folder of its own, in the foreground.
 * `config` is a function of the port it should listen on.
 */
export async function startNginx(config: (port: number) => string): Promise<NginxServer> {
  if (!nginxPath) throw new Error(nginxMissing()!);
  const dir = mkdtempSync(join(tmpdir(), "weft-nginx-"));
  // Run as root, nginx's workers are `nobody`: they must reach the prefix to write temp files.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const file = join(dir, "nginx.conf");
  writeFileSync(file, config(port));
  let output = "";
  const child = spawn(nginxPath, ["-p", `${dir}/`, "-c", file, "-e", join(dir, "error.log")], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const errorLog = () => {
    try {
      return readFileSync(join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`nginx exited with ${code}:\n${output}\n${errorLog()}`))));
  exited.catch(() => {});
  await Promise.race([untilPortAnswers(port, 10_000), exited]);
  return {
    url: `http://127.0.0.1:${port}/`,
    errorLog,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGQUIT"); // graceful: lets open connections finish
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
