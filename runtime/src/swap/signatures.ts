/**
 * Hook signatures, as React Refresh keeps them: a component keeps its hook state across an edit
 * only when the hooks it calls, in order, are the same (the callee, what their result is
 * assigned to, a `useState`'s initial value: see the devserver's hookSignature.ts). A custom
 * hook's own calls count too, looked up through the function the component calls, so an edit
 * of `useFancyState` in another module resets the components that use it.
 */
export interface Signature {
  /** The function's own hook calls. */
  own: string;
  /** `// @refresh reset` in its module: every edit starts its state afresh. */
  forceReset: boolean;
  /** The custom hooks it calls (`() => [useFancyState]`). */
  getHooks?: () => unknown[];
  /** The full key, once computed (when its module finished loading, or first asked). */
  full?: HookKey;
}

export interface HookKey {
  key: string;
  /** Start afresh whatever the key: asked for, or a custom hook could not be found. */
  forceReset: boolean;
  /** Why it is forced, for the report. */
  why?: string;
}

const ASKED = "its module asks for it on every edit (// @refresh reset)";
const UNKNOWN_HOOK = "a custom hook it calls cannot be looked up from outside the component (defined inside it?), so it starts afresh on every edit";

export interface Signatures {
  readonly byFunction: WeakMap<Function, Signature>;
  /** Signed since the last module finished loading: their custom hooks are resolved then. */
  readonly unfrozen: Signature[];
}

const NO_HOOKS: HookKey = { key: "", forceReset: false };

/**
 * The full signature of a function (its own hook calls, then each custom hook's), or of a
 * signature. A function without one calls no hooks. Computed once: a hook looked up through an
 * object that later changes (an inline require) is read as it was.
 */
export function hookKey(signatures: Signatures, of: Function | Signature, seen: Set<Function> = new Set()): HookKey {
  const signature = typeof of === "function" ? signatures.byFunction.get(of) : of;
  if (!signature) return NO_HOOKS;
  if (typeof of === "function") seen.add(of);
  return (signature.full ??= compute(signatures, signature, seen));
}

function compute(signatures: Signatures, signature: Signature, seen: Set<Function>): HookKey {
  let key = signature.own;
  let why = signature.forceReset ? ASKED : undefined;
  if (!signature.getHooks) return forced(key, why);
  let hooks: unknown[];
  try {
    hooks = signature.getHooks();
  } catch {
    // A hook defined inside the component, or not set yet: nobody can tell whether it changed,
    // so the component starts afresh on every edit (React does the same).
    return forced(key, why ?? UNKNOWN_HOOK);
  }
  for (const hook of hooks) {
    if (typeof hook !== "function") {
      why ??= UNKNOWN_HOOK;
      continue;
    }
    if (seen.has(hook)) continue;
    if (!signatures.byFunction.has(hook)) continue; // a hook weft did not transform (a package's): unknown, as in React
    const nested = hookKey(signatures, hook, seen);
    key += `\n---\n${nested.key}`;
    if (nested.forceReset) why ??= nested.why;
  }
  return forced(key, why);
}

function forced(key: string, why: string | undefined): HookKey {
  return why === undefined ? { key, forceReset: false } : { key, forceReset: true, why };
}
