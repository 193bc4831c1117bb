/** Set by whoever registered tsx in this process (bin/weft.js inside weft's repository, or this module). */
const registered = Symbol.for("weft.typescript");

/** Whether Node imports TypeScript in this process already (tsx registered by weft's repository bin, or by `compileTypeScriptOnImport`). */
export function typeScriptRegistered(): boolean {
  return (globalThis as { [registered]?: boolean })[registered] === true;
}

/**
 * Lets Node import the app's TypeScript (tsx's loader hooks), once per process and only when an
 * app needs it: an installed weft is JavaScript, `weft dev` compiles the app with Vite, and
 * `weft run` compiles an app of one file itself (importApp.ts), so none of them pays for the
 * hooks. Registered after weft's own modules are loaded, so the hooks see the app's modules and
 * little else.
 */
export async function compileTypeScriptOnImport(): Promise<void> {
  const flags = globalThis as { [registered]?: boolean };
  if (flags[registered]) return;
  const { register } = await import("tsx/esm/api");
  register();
  flags[registered] = true;
}
