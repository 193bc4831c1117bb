/**
 * What a static build's worker runs must not need Node: the runtime's worker host
 * (`weft/static`) and everything it reaches, resolved as the build resolves it (the `browser`
 * export condition, so `#run` is the browser `run`). `npm run lint:deps` runs it after the
 * package rules; a violation names the module and the `node:` import. docs/static.md says why.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "worker-without-node",
      severity: "error",
      comment:
        "This module is part of what a static build runs in the browser's Web Worker, where no " +
        "Node module exists. Put the Node-only piece behind an interface with a browser implementation " +
        "(see runtime/src/platform), or keep it out of what the session core imports.",
      from: {},
      to: { dependencyTypes: ["core"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    // A type-only import is gone at runtime: what it names is not in the worker's bundle.
    doNotFollow: { path: "node_modules", dependencyTypes: ["type-only"] },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["browser", "import", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
