/**
 * weft's dependency rules, checked by `npm run lint:deps` (and so by `npm run typecheck` and CI).
 * docs/architecture.md "Dependency rules" says why each exists.
 *
 * A package is a top-level folder (`runtime/`, `protocol/`…) or `extensions/<name>/`; the
 * regular expression below captures it as $1 so a rule can say "another package than this one".
 */
const pkg = "^(extensions/[^/]+|[^/]+)/";
/** The developer tools: what the app's runtime must never need. */
const devtools = "^(agent|devserver|devtools-client|inspector-ui|extensions|cli)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-value-cycle",
      severity: "error",
      comment:
        "A cycle of value imports: which module initialises first depends on who imports first. " +
        "Type-only imports vanish at runtime, so a cycle through one of them is allowed.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "runtime-without-devtools",
      severity: "error",
      comment: "The runtime (package `weft`) runs in production: it never imports the developer tools.",
      // bin/weft.js is the command, not the runtime: it starts the CLI (`#cli`).
      from: { path: "^runtime/", pathNot: "^runtime/bin/" },
      to: { path: devtools },
    },
    {
      name: "protocol-stands-alone",
      severity: "error",
      comment:
        "@weft/protocol is imported by the server, the browser and the tools: it imports nothing " +
        "but itself (no Node, no DOM, no other package).",
      from: { path: "^protocol/" },
      to: { pathNot: "^protocol/" },
    },
    {
      name: "devtools-client-without-host",
      severity: "error",
      comment:
        "@weft/devtools-client runs in the inspector (a browser), VS Code's extension host and the " +
        "tests: it imports @weft/protocol and itself, nothing of Node, the DOM or the runtime. Its " +
        "tests may use real servers.",
      from: { path: "^devtools-client/", pathNot: "/__tests__/" },
      to: { pathNot: "^(devtools-client|protocol)/" },
    },
    {
      name: "no-relative-reach-into-another-package",
      severity: "error",
      comment:
        "Import another package by its name (`@weft/protocol`, `weft/testing`), never by a relative " +
        "path into its files: a package's front door (its package.json `exports`) is its API.",
      from: { path: pkg },
      // A package import resolves to the same files, but is `aliased-workspace`: allowed.
      to: { dependencyTypes: ["local"], dependencyTypesNot: ["aliased-workspace"], pathNot: "^$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    // type-only imports count as dependencies (marked `type-only`), so the cycle rule can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      // The workspaces resolve to their sources (docs/architecture.md "The package").
      conditionNames: ["@weft/source", "import", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
