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

/** Whether openbox (a small window manager: frames, maximize, minimize) is installed. */
export function hasOpenbox(): boolean {
  return spawnSync("sh", ["-c", "command -v openbox"]).status === 0;
}

/**
 * Starts openbox on `display` and resolves once it manages the screen (it sets
 * `_NET_SUPPORTING_WM_CHECK` on the root window, which `xprop` reads).
 */
export async function startOpenbox(display: string): Promise<{ stop(): Promise<void> }> {
  const env = { ...process.env, DISPLAY: display };
  const child = spawn("openbox", ["--sm-disable"], { env, stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (spawnSync("xprop", ["-root", "_NET_SUPPORTING_WM_CHECK"], { env }).stdout.toString().includes("window id") === false) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("openbox did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
