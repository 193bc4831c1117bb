import { describe, expect, it } from "vitest";
import { transformForSwap } from "../transform.ts";

const file = "/app/app.ts";

describe("transformForSwap", () => {
  it("registers top-level classes, module-local ones too, at the end without moving a line", () => {
    const code = [
      'import { Row } from "weft";',
      "class TodoItem extends Row { done = false; }",
      "export class TodoApp extends Row {}",
      "const Anon = class extends Row {};",
      "function local() { class Nested {} return Nested; }",
      "export default function main(page: any) {}",
    ].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.classes).toEqual(["TodoItem", "TodoApp", "Anon"]);
    expect(out.code.split("\n").slice(0, 6)).toEqual(code.split("\n"));
    expect(out.code).toContain(`globalThis.__WEFT_SWAP__?.registerModule("/app/app.ts", { TodoItem, TodoApp, Anon });`);
  });

  it("wraps each top-level component(...) so the component object survives edits, with its hook order", () => {
    const code = [
      'import { component as c, useState, useEffect } from "weft";',
      "export const Counter = c(function Counter() {",
      "  const [n] = useState(0);",
      "  useEffect(() => { const inner = () => useState(1); });",
      "  return null as any;",
      "});",
    ].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.components).toEqual([{ name: "Counter", hooks: "useState,useEffect" }]);
    expect(out.code).toContain('globalThis.__WEFT_SWAP__.component("/app/app.ts", "Counter", c(function Counter()');
    expect(out.code).toContain(', "useState,useEffect")');
  });

  it("notes calls at the top level as side effects, but not console output or import.meta.hot", () => {
    const code = ['console.log("loaded");', "setInterval(() => tick(), 1000);", "export default function main() {}"].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.sideEffects).toEqual([{ name: "setInterval(() => tick(), 1000)", line: 2, column: 1 }]);
    expect(out.facts.handlesHot).toBe(false);
    expect(transformForSwap(code + "\nimport.meta.hot?.dispose(() => {});", file)!.facts.handlesHot).toBe(true);
  });

  it("lists main's plain locals and the module's state, which a swap starts afresh", () => {
    const code = [
      "let visits = 0;",
      "const todos: string[] = [];",
      'const TITLE = "Todos";',
      "export default function main(page: any) {",
      "  let clicks = 0;",
      "  const seen = new Set<string>();",
      '  const label = "x";',
      "  const { a, b: [c] } = page;",
      "}",
    ].join("\n");
    const facts = transformForSwap(code, file)!.facts;
    expect(facts.moduleState.map((s) => s.name)).toEqual(["visits", "todos"]);
    expect(facts.mainLocals.map((s) => `${s.name}@${s.line}`)).toEqual(["clicks@5", "seen@6"]);
  });

  it("finds main through a named function exported by name, and honours // @weft-restart", () => {
    const code = ["// @weft-restart", "function app(page: any) { var n = 1; }", "export default app;"].join("\n");
    const facts = transformForSwap(code, file)!.facts;
    expect(facts.forceRestart).toBe(true);
    expect(facts.mainLocals.map((s) => s.name)).toEqual(["n"]);
  });

  it("leaves a file that does not parse to Vite, which reports the error", () => {
    expect(transformForSwap("export default function (", file)).toBeNull();
  });
});
