import { test } from "@playwright/test";
import { startWeft, type WeftProcess } from "./weftProcess.ts";

/**
 * Starts `weft <command> <args>` before the tests of the enclosing `describe` and stops it after
 * them. The returned object reads the running process, so tests write `app.url` as usual.
 */
export function useWeft(command: string, args: string[]): WeftProcess {
  let running: WeftProcess | undefined;
  test.beforeAll(async () => {
    running = await startWeft(command, args);
  });
  test.afterAll(async () => running?.stop());
  const get = () => {
    if (!running) throw new Error(`weft ${command} ${args.join(" ")} is not running (use it inside a test)`);
    return running;
  };
  return {
    get url() {
      return get().url;
    },
    get urls() {
      return get().urls;
    },
    get child() {
      return get().child;
    },
    output: () => get().output(),
    stop: () => get().stop(),
  };
}
