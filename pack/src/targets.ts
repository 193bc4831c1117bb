import type { ConditionalTarget, Manifest } from "./workspace.ts";

/**
 * The condition under which this repository's workspaces resolve to their TypeScript sources
 * (set by the root `.npmrc` for every npm script and `npx`, by tsconfig's `customConditions`
 * for `tsc`, by the Vite and Vitest configs). A user's project never sets it, so an installed
 * `weft` resolves to its built JavaScript.
 */
export const SOURCE_CONDITION = "@weft/source";

/** One leaf of an `exports`/`imports` map: its path of keys (subpath, then conditions) and target. */
export interface TargetLeaf {
  keys: string[];
  target: string;
}

/** Every string target of a conditional map, depth first, with the keys that lead to it. */
export function leaves(value: ConditionalTarget | undefined, keys: string[] = []): TargetLeaf[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [{ keys, target: value }];
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, keys));
  return Object.entries(value).flatMap(([key, v]) => leaves(v, [...keys, key]));
}

/** The TypeScript files a package's manifest names (exports, imports, bin), relative to its folder. */
export function sourceTargets(manifest: Manifest): string[] {
  const all = [...leaves(manifest.exports), ...Object.values(manifest.imports ?? {}).flatMap((v) => leaves(v))];
  const bins = typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin ?? {});
  return [...all.map((leaf) => leaf.target), ...bins].filter((t) => t.startsWith("./") && isTypeScript(t) && !t.includes("*"));
}

/** The bare specifiers a manifest's `imports` map to (`"#cli": { "@weft/source": "@weft/cli" }`). */
export function bareTargets(manifest: Manifest): string[] {
  return Object.values(manifest.imports ?? {})
    .flatMap((v) => leaves(v))
    .map((leaf) => leaf.target)
    .filter((t) => !t.startsWith("./") && !t.startsWith("#"));
}

export function isTypeScript(file: string): boolean {
  return /\.(c|m)?tsx?$/.test(file) && !/\.d\.(c|m)?ts$/.test(file);
}

/** `x.ts` → `x.js`, `x.mts` → `x.mjs`, `x.tsx` → `x.js`. */
export function jsName(file: string): string {
  return file.replace(/\.tsx?$/, ".js").replace(/\.mts$/, ".mjs").replace(/\.cts$/, ".cjs");
}

/** `x.ts` → `x.d.ts`, `x.mts` → `x.d.mts`. */
export function declarationName(file: string): string {
  return file.replace(/\.tsx?$/, ".d.ts").replace(/\.mts$/, ".d.mts").replace(/\.cts$/, ".d.cts");
}

/**
 * A folded package's manifest as it ships inside `weft`: its name, type and the JavaScript its
 * exports and imports now point at. It is there for Node (`"type": "module"`, `#imports` of the
 * package) and for code that finds a package's files through its package.json.
 */
export function builtManifest(manifest: Manifest): Manifest {
  const toJs = (value: ConditionalTarget | undefined): ConditionalTarget | undefined => {
    if (value === undefined || value === null) return value;
    if (typeof value === "string") return value.startsWith("./") && isTypeScript(value) ? `./${jsName(value.slice(2))}` : value;
    if (Array.isArray(value)) return value.map((v) => toJs(v) ?? null);
    // A shipped package's own entry (`"@weft/source": "./src/x.ts", "types": …, "default": …`,
    // or `"@weft/source": { "browser": "./src/a.ts", "default": "./src/b.ts" }, …`): in the
    // mirrored tree each built file sits where its source was.
    const source = value[SOURCE_CONDITION];
    if ((typeof source === "string" && source.startsWith("./")) || (source && typeof source === "object" && !Array.isArray(source))) return toJs(source);
    // `"#cli": { "@weft/source": "@weft/cli", "default": "./dist/cli/src/main.js" }`: the host's
    // manifest points into its build, which is not this mirrored folder; the top one serves it.
    if (typeof source === "string") return null;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== SOURCE_CONDITION).map(([key, v]) => [key, toJs(v) ?? null]));
  };
  const built: Manifest = { name: manifest.name, version: manifest.version, type: manifest.type ?? "commonjs" };
  if (manifest.description) built.description = manifest.description;
  if (manifest.exports !== undefined) built.exports = toJs(manifest.exports);
  if (manifest.imports) {
    const imports = Object.entries(toJs(manifest.imports) as Record<string, ConditionalTarget>).filter(([, target]) => target !== null);
    if (imports.length > 0) built.imports = Object.fromEntries(imports);
  }
  return built;
}
