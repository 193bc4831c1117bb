import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/**
 * The deliberate behaviour changes that recordings of the examples must catch. Each is one
 * source replacement applied to the example as it is now, so the changed app never drifts from
 * the example it stands for.
 */
export const changes = {
  /** "+" adds 2: replaying counter's recording must fail at the first "+" click. */
  "counter-double-step": { example: "counter", from: 'onClick: step(1) }', to: "onClick: step(2) }" },
  /** New tasks go to the top: todo's recording must fail when the second task is added. */
  "todo-newest-first": { example: "todo", from: "this.tasks.controls.push(", to: "this.tasks.controls.unshift(" },
  /** Going back to "/" leaves the item's view on top: routing's recording must fail at Back. */
  "routing-no-back": {
    example: "routing",
    from: "page.onRouteChange = routeChanged;",
    to: 'page.onRouteChange = () => {\n    if (page.route !== "/") routeChanged();\n  };',
  },
} as const;

/**
 * Writes `test/replay/.changed/<name>.ts` (ignored by git; inside the repository so it can import
 * "weft") and returns its absolute path.
 */
export function changedExample(name: keyof typeof changes): string {
  const { example, from, to } = changes[name];
  const source = readFileSync(`${root}/examples/${example}.ts`, "utf8");
  if (!source.includes(from)) throw new Error(`examples/${example}.ts no longer contains ${JSON.stringify(from)}: update test/replay/changedExample.ts`);
  mkdirSync(`${root}/test/replay/.changed`, { recursive: true });
  const relative = `test/replay/.changed/${name}.ts`;
  // Test files run in parallel and may ask for the same app: write aside, then rename (atomic),
  // so no one ever imports a half-written file.
  const aside = `${root}/${relative}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(aside, `// Generated from examples/${example}.ts by test/replay/changedExample.ts: ${name}.\n${source.replace(from, to)}`);
  renameSync(aside, `${root}/${relative}`);
  return `${root}/${relative}`;
}
