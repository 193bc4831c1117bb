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

  it("wraps each top-level component(...) so the component object survives edits, and signs its hooks", () => {
    const code = [
      'import { component as c, useState, useEffect } from "weft";',
      "export const Counter = c(function Counter() {",
      "  const [n] = useState(0);",
      "  useEffect(() => { const inner = () => useState(1); });",
      "  return null as any;",
      "});",
    ].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.components).toEqual([{ name: "Counter", hooks: "useState{[n](0)}\nuseEffect{}" }]);
    expect(out.code).toContain('globalThis.__WEFT_SWAP__.component("/app/app.ts", "Counter", c(globalThis.__WEFT_SWAP__.sign(function Counter()');
    expect(out.code.split("\n")).toHaveLength(code.split("\n").length + 2); // the registration at the end, no line moved
  });

  it("writes React Refresh's hook signature: callee, what the result is assigned to, useState's initial value, custom hooks", () => {
    const code = [
      'import { component, useState } from "weft";',
      "function useFancyState(initial: string) { return useState(initial); }",
      "export const App = component(() => {",
      '  const [x, setX] = useFancyState("X");',
      "  const [foo, setFoo] = useState(S);",
      "  return null as any;",
      "});",
    ].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.components[0]!.hooks).toBe("useFancyState{[x, setX]}\nuseState{[foo, setFoo](S)}");
    expect(out.code).toContain(`, () => [useFancyState])`);
    expect(out.code).toContain('function useFancyState(initial: string) { return useState(initial); } ;globalThis.__WEFT_SWAP__.sign(useFancyState, "useState{(initial)}", undefined);');
  });

  it("signs an arrow or function expression declared as a variable after the declaration, so its inferred name stays", () => {
    const code = ['import { useState } from "weft";', "const useThing = () => { useState(1); };", "var Parent = function () { useThing(); };"].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.code).toContain('const useThing = () => { useState(1); }; ;globalThis.__WEFT_SWAP__.sign(useThing, "useState{(1)}", undefined);');
    expect(out.code).toContain('var Parent = function () { useThing(); }; ;globalThis.__WEFT_SWAP__.sign(Parent, "useThing{}", () => [useThing]);');
  });

  it("registers a HOC's result, a default export made by a HOC and namespace members (React registers them too)", () => {
    const code = [
      'import { component, useState } from "weft";',
      'const Child = hoc("A");',
      "export default withState(() => { const [v] = useState(1); return null as any; });",
      "namespace Foo { export namespace Bar { export const Kid = component(() => null as any); } }",
      "const notAComponent = compute();",
    ].join("\n");
    const out = transformForSwap(code, file)!;
    expect(out.facts.components.map((c) => c.name)).toEqual(["Child", "default", "Foo.Bar.Kid"]);
    expect(out.code).toContain('const Child = globalThis.__WEFT_SWAP__.component("/app/app.ts", "Child", hoc("A"));');
    expect(out.code).toContain('globalThis.__WEFT_SWAP__.component("/app/app.ts", "default", withState((__weft$1 = globalThis.__WEFT_SWAP__.sign(');
    expect(out.code).toContain(", () => [__weft$1]);");
    expect(out.code).toContain("var __weft$1;");
    expect(out.code).toContain("const notAComponent = compute();");
  });

  it("marks a module that exports only components and classes as a refresh boundary", () => {
    const boundary = ['import { component, Row } from "weft";', "export const Hello = component(() => null as any);", "export class Box extends Row {}"].join("\n");
    expect(transformForSwap(boundary, file)!.facts.boundary).toBe(true);
    expect(transformForSwap(boundary + '\nexport const LABEL = "x";', file)!.facts.boundary).toBe(false);
  });

  it("notes calls at the top level as side effects, but not console output, import.meta.hot, `void Other;` or a component call", () => {
    const code = [
      'console.log("loaded");',
      "setInterval(() => tick(), 1000);",
      'import { component } from "weft";',
      "const Hello = component(() => null as any);",
      "void Other;",
      "Hello({});",
      "export default function main() {}",
    ].join("\n");
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
