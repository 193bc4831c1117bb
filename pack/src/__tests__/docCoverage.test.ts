import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { undocumentedExports } from "../docCoverage.ts";
import { SOURCE_CONDITION } from "../targets.ts";
import { readManifest } from "../workspace.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const compilerOptions = { allowImportingTsExtensions: true, customConditions: [SOURCE_CONDITION], moduleResolution: 100 /* Bundler */, module: 99 /* ESNext */, target: 9 /* ES2022 */, jsx: 4 /* ReactJSX */, strict: true, types: ["node"] };

describe("undocumentedExports", () => {
  it("lists each export and public member (its own or inherited) without a doc comment, once, by the declaration that lacks it", { timeout: 30_000 }, () => {
    const fixture = join(root, "pack/src/__tests__/fixtures/docs");
    const found = undocumentedExports({ entries: [join(fixture, "index.ts")], root: fixture, compilerOptions: { ...compilerOptions, types: [] } });
    expect(found.map((u) => `${u.name} ${u.where}`)).toEqual([
      "bare index.ts:4",
      "Base.inherited index.ts:8",
      "Child.own index.ts:17",
      "SomethingProps.onClick index.ts:24",
      "alias other.ts:1",
    ]);
  });
});

/**
 * What a user imports from weft carries a doc comment, as Flet's reference does: each export of
 * `weft`, `weft/testing`, `weft/server`, `weft/desktop` and `weft/static` (read from weft's
 * package.json, so a new export is checked too), and every member a user reads or writes of
 * its classes and interfaces (a control's props and events, the page's members, an event's
 * fields): hovering one in an editor explains it.
 */
describe("weft's public entry points", () => {
  it("document every export and every public member of their classes and interfaces", { timeout: 120_000 }, () => {
    const manifest = readManifest(join(root, "runtime"));
    const exports = manifest.exports as Record<string, { [SOURCE_CONDITION]?: string } | string>;
    const entries = [".", "./testing", "./server", "./desktop", "./static"].map((subpath) => {
      const entry = exports[subpath];
      const source = typeof entry === "object" ? entry[SOURCE_CONDITION] : undefined;
      if (!source) throw new Error(`weft's package.json has no ${SOURCE_CONDITION} source for ${subpath}`);
      return join(root, "runtime", source);
    });
    const missing = undocumentedExports({ entries, root, members: true, compilerOptions });
    expect(missing.map((u) => `${u.where} ${u.name}`)).toEqual([]);
  });
});
