import { spawn, spawnSync, type ChildProcess } from "node:child_process";

export interface Xvfb {
  /** `:N`, for `DISPLAY`. */
  display: string;
  stop(): Promise<void>;
}

/** Whether Debian's Xvfb is installed (`.ci/run` installs it; a developer's machine may not have it). */
export function hasXvfb(): boolean {
  return spawnSync("sh", ["-c", "command -v Xvfb"]).status === 0;
}

/**
 * Starts a virtual X server on a free display: `-displayfd` makes Xvfb pick the number and write
 * it to a pipe once it accepts clients, so no number is guessed and no sleep is needed.
 */
export function startXvfb(size = "1280x800x24"): Promise<Xvfb> {
  const child: ChildProcess = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", size, "-nolisten", "tcp", "-noreset"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let number = "";
    const fd = child.stdio[3] as NodeJS.ReadableStream;
    fd.on("data", (chunk: Buffer) => {
      number += chunk.toString();
      if (!number.includes("\n")) return;
      resolve({
        display: `:${number.trim()}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
}
