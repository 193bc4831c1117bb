import type { RunOptions } from "../run.ts";
import type { AppMain } from "../session/session.ts";
import { handOver } from "./staticMode.ts";

export type { RunOptions };

/**
 * `run(main)` in a static build (the browser condition of `#run`): there is no server to start;
 * the worker host shows `main` as the app when the module has no default export, so a script
 * written for `node app.ts` (Flet's `ft.run(main)`) builds unchanged. Resolves at once.
 */
export async function run(main: AppMain, _options: RunOptions = {}): Promise<void> {
  handOver(main);
}
