import MagicString from "magic-string";
import { parseAst } from "vite";

/**
 * What the devserver learns about an app module when Vite loads it, and what it adds to it.
 *
 * Added: a registration of the module's top-level classes at its end (so a swap finds
 * module-local classes like `class TodoItem`, the way React Refresh registers components), and
 * around each top-level `component(...)` a call that keeps the component object the same across
 * edits. Learned: what makes re-running the module unsafe (calls at its top level) and what
 * starts afresh on a swap (module state, `main`'s plain locals), for the swap report.
 */
export interface ModuleFacts {
  file: string;
  classes: string[];
  components: { name: string; hooks: string }[];
  /** Statements that act when the module loads (`setInterval(…)`, `server.listen()`). */
  sideEffects: SourceSpot[];
  /** Module-level `let`/`var` and mutable containers: a re-import starts them afresh. */
  moduleState: SourceSpot[];
  /** `main`'s `let`/`var` and mutable containers: each swap starts them afresh. */
  mainLocals: SourceSpot[];
  /** Uses `import.meta.hot` (dispose/accept): it cleans up after itself. */
  handlesHot: boolean;
  /** Has a `// @weft-restart` comment: every edit hot-restarts the sessions. */
  forceRestart: boolean;
}

export interface SourceSpot {
  name: string;
  line: number;
  column: number;
}

export interface TransformResult {
  code: string;
  map: ReturnType<MagicString["generateMap"]>;
  facts: ModuleFacts;
}

/** The global the registrations call (installed by the devserver: the engine's registry). */
export const SWAP_GLOBAL = "__WEFT_SWAP__";

/** Calls at a module's top level that are harmless to repeat. */
const HARMLESS_CALLEE = /^(console\.\w+|Object\.(freeze|defineProperty|assign)|Symbol(\.for)?|import\.meta\.hot\.\w+)$/;

type Node = { type: string; start: number; end: number; [key: string]: unknown };

export function transformForSwap(code: string, file: string): TransformResult | null {
  let ast: { body: Node[] };
  try {
    ast = parseAst(code, { lang: langOf(file) } as Parameters<typeof parseAst>[1]) as unknown as { body: Node[] };
  } catch {
    return null; // Vite's own transform reports the syntax error with its location
  }
  const s = new MagicString(code);
  const lines = lineStarts(code);
  const spot = (name: string, offset: number): SourceSpot => {
    const { line, column } = position(lines, offset);
    return { name, line, column };
  };
  const facts: ModuleFacts = {
    file,
    classes: [],
    components: [],
    sideEffects: [],
    moduleState: [],
    mainLocals: [],
    handlesHot: code.includes("import.meta.hot"),
    forceRestart: /\/\/\s*@weft-restart\b/.test(code),
  };

  // How `component` from "weft" is called in this module.
  const componentNames = new Set<string>();
  const namespaces = new Set<string>();
  for (const node of ast.body) {
    if (node.type !== "ImportDeclaration" || (node.source as Node & { value: string }).value !== "weft") continue;
    for (const spec of node.specifiers as Node[]) {
      if (spec.type === "ImportSpecifier" && nameOf(spec.imported) === "component") componentNames.add(nameOf(spec.local)!);
      if (spec.type === "ImportNamespaceSpecifier") namespaces.add(nameOf(spec.local)!);
    }
  }
  const isComponentCall = (node: unknown): node is Node => {
    if (!isNode(node) || node.type !== "CallExpression") return false;
    const callee = node.callee as Node;
    if (callee.type === "Identifier") return componentNames.has(nameOf(callee)!);
    return callee.type === "MemberExpression" && namespaces.has(nameOf(callee.object) ?? "") && nameOf(callee.property) === "component";
  };
  const wrapComponent = (call: Node, name: string) => {
    const fn = (call.arguments as Node[])[0];
    const hooks = fn ? hookCalls(fn).join(",") : "";
    facts.components.push({ name, hooks });
    s.prependLeft(call.start, `globalThis.${SWAP_GLOBAL}.component(${JSON.stringify(file)}, ${JSON.stringify(name)}, `);
    s.appendRight(call.end, `, ${JSON.stringify(hooks)})`);
  };

  let mainNode: Node | undefined;
  let mainName: string | undefined;
  const functions = new Map<string, Node>();

  const declarators = (decl: Node) => {
    for (const d of decl.declarations as Node[]) {
      const id = d.id as Node;
      const init = d.init as Node | null;
      const name = id.type === "Identifier" ? nameOf(id)! : undefined;
      if (init && name && init.type === "ClassExpression") facts.classes.push(name);
      else if (init && name && isComponentCall(init)) wrapComponent(init, name);
      else if (init && name && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")) functions.set(name, init);
      else if (decl.kind !== "const" || (init && isMutableInit(init))) {
        for (const n of bindingNames(id)) facts.moduleState.push(spot(n, id.start));
      }
    }
  };

  for (const node of ast.body) {
    switch (node.type) {
      case "ClassDeclaration":
        if (nameOf(node.id)) facts.classes.push(nameOf(node.id)!);
        break;
      case "FunctionDeclaration":
        if (nameOf(node.id)) functions.set(nameOf(node.id)!, node);
        break;
      case "VariableDeclaration":
        declarators(node);
        break;
      case "ExportNamedDeclaration": {
        const decl = node.declaration as Node | null;
        if (decl?.type === "ClassDeclaration" && nameOf(decl.id)) facts.classes.push(nameOf(decl.id)!);
        else if (decl?.type === "FunctionDeclaration" && nameOf(decl.id)) functions.set(nameOf(decl.id)!, decl);
        else if (decl?.type === "VariableDeclaration") declarators(decl);
        break;
      }
      case "ExportDefaultDeclaration": {
        const decl = node.declaration as Node;
        if (decl.type === "ClassDeclaration" && nameOf(decl.id)) facts.classes.push(nameOf(decl.id)!);
        else if (decl.type === "FunctionDeclaration" || decl.type === "ArrowFunctionExpression" || decl.type === "FunctionExpression") mainNode = decl;
        else if (decl.type === "Identifier") mainName = nameOf(decl);
        else if (isComponentCall(decl)) wrapComponent(decl, "default");
        break;
      }
      case "ExpressionStatement": {
        const expr = node.expression as Node;
        if (expr.type === "Literal") break; // "use strict"
        const callee = expr.type === "CallExpression" ? sourceText(code, expr.callee as Node) : "";
        if (callee && HARMLESS_CALLEE.test(callee)) break;
        facts.sideEffects.push(spot(firstLine(sourceText(code, expr)), expr.start));
        break;
      }
      case "IfStatement":
      case "ForStatement":
      case "ForOfStatement":
      case "ForInStatement":
      case "WhileStatement":
      case "DoWhileStatement":
      case "TryStatement":
      case "BlockStatement":
        facts.sideEffects.push(spot(firstLine(sourceText(code, node)), node.start));
        break;
      default:
        break; // imports, re-exports, types, enums
    }
  }

  mainNode ??= mainName ? functions.get(mainName) : undefined;
  const body = mainNode?.body as Node | undefined;
  if (body?.type === "BlockStatement") {
    for (const statement of body.body as Node[]) {
      if (statement.type !== "VariableDeclaration") continue;
      for (const d of statement.declarations as Node[]) {
        const init = d.init as Node | null;
        if (statement.kind !== "const" || (init && isMutableInit(init))) {
          for (const n of bindingNames(d.id as Node)) facts.mainLocals.push(spot(n, (d.id as Node).start));
        }
      }
    }
  }

  if (facts.classes.length > 0) {
    s.append(`\n;globalThis.${SWAP_GLOBAL}?.registerModule(${JSON.stringify(file)}, { ${facts.classes.join(", ")} });\n`);
  }
  if (!s.hasChanged()) return { code, map: s.generateMap({ hires: "boundary", source: file }), facts };
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: true }), facts };
}

function langOf(file: string): "ts" | "tsx" | "js" | "jsx" {
  if (/\.tsx$/.test(file)) return "tsx";
  if (/\.[cm]?ts$/.test(file)) return "ts";
  if (/\.jsx$/.test(file)) return "jsx";
  return "js";
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

function nameOf(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  return undefined;
}

/** Whether an initializer makes a container whose contents can change (state). */
function isMutableInit(init: Node): boolean {
  if (init.type === "ArrayExpression" || init.type === "ObjectExpression") return true;
  if (init.type === "NewExpression") return /^(Map|Set|WeakMap|WeakSet|Array|Object)$/.test(nameOf(init.callee) ?? "");
  return false;
}

function bindingNames(pattern: Node): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [nameOf(pattern)!];
    case "ObjectPattern":
      return (pattern.properties as Node[]).flatMap((p) => bindingNames((p.type === "RestElement" ? p.argument : p.value) as Node));
    case "ArrayPattern":
      return (pattern.elements as (Node | null)[]).flatMap((e) => (e ? bindingNames(e) : []));
    case "RestElement":
      return bindingNames(pattern.argument as Node);
    case "AssignmentPattern":
      return bindingNames(pattern.left as Node);
    default:
      return [];
  }
}

/** Hook calls in a component function's own body, in order (not in nested functions). */
function hookCalls(fn: Node): string[] {
  const out: string[] = [];
  const visit = (node: unknown, top: boolean) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, top);
      return;
    }
    if (!isNode(node)) return;
    if (!top && (node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || node.type === "FunctionDeclaration")) return;
    if (node.type === "CallExpression") {
      const name = nameOf(node.callee);
      if (name && /^use[A-Z0-9]/.test(name)) out.push(name);
    }
    for (const key in node) {
      if (key === "start" || key === "end" || key === "type") continue;
      visit(node[key], false);
    }
  };
  if (fn.type === "FunctionExpression" || fn.type === "ArrowFunctionExpression") visit(fn.body, false);
  return out;
}

function sourceText(code: string, node: Node): string {
  return code.slice(node.start, node.end);
}

function firstLine(text: string): string {
  const line = text.split("\n")[0]!.trim();
  return line.length > 60 ? line.slice(0, 57) + "…" : line;
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
