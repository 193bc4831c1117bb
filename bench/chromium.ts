import { chromium, type Browser } from "playwright-core";

/** The flags every weft browser run on these machines uses (Debian's Chromium, no sandbox, no GPU, no traffic of its own). */
export const BENCH_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function launchBenchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...BENCH_CHROMIUM_ARGS, ...extraArgs] });
}
