/** Set by whoever registered tsx in this process (bin/weft.js inside weft's repository, or this module). */
const registered = Symbol.for("weft.typescript");

/**
 * Lets Node import the app's TypeScript (tsx's loader hooks), once per process and only when an
 * app needs it: an installed weft is JavaScript, and `weft dev` compiles the app with Vite, so
 * neither pays for the hooks. Registered after weft's own modules are loaded, so the hooks see
 * the app's modules and little else.
 */
export async function compileTypeScriptOnImport(): Promise<void> {
  const flags = globalThis as { [registered]?: boolean };
  if (flags[registered]) return;
  const { register } = await import("tsx/esm/api");
  register();
  flags[registered] = true;
}
