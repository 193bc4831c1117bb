import MagicString from "magic-string";
import { parseAst } from "vite";
import { bindingNames, isFunction, isNode, lineStarts, nameOf, position, sourceText, walk, type Node } from "./ast.ts";
import { hookSignature, type HookNames } from "./hookSignature.ts";

/**
 * What the devserver learns about an app module when Vite loads it, and what it adds to it, the
 * way React Refresh's Babel plugin does for React:
 *
 * - Registrations: the module's top-level classes (at its end, so module-local classes like
 *   `class TodoItem` are found), and each component it declares at its top level, in a
 *   namespace or as a HOC's result (`const Child = withBorder(Inner)`), so the component object
 *   stays the same across edits and its instances keep their state.
 * - Signatures: every function that calls hooks tells the registry its hook calls (see
 *   hookSignature.ts), so a component whose hooks changed is reset instead of mixing up state.
 * - Facts: what makes re-running the module unsafe (calls at its top level), what starts afresh
 *   on a swap (module state, `main`'s plain locals), and whether it exports only components and
 *   classes (a refresh boundary: its importers need not re-render when it changes).
 */
export interface ModuleFacts {
  file: string;
  classes: string[];
  /** Components registered, by the name the registry knows them as (`Counter`, `Foo.Bar.Child`, `default`). */
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
  /** Exports only components and classes: an edit of it needs no re-render of its importers' components. */
  boundary: boolean;
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
const REGISTRY = `globalThis.${SWAP_GLOBAL}`;

/** Calls at a module's top level that are harmless to repeat. */
const HARMLESS_CALLEE = /^(console\.\w+|Object\.(freeze|defineProperty|assign)|Symbol(\.for)?|import\.meta\.hot\.\w+)$/;
/** React Refresh's annotation: every edit of the module resets its components' state. */
const REFRESH_RESET = /@refresh reset\b/;

export function transformForSwap(code: string, file: string): TransformResult | null {
  let ast: { body: Node[] };
  try {
    ast = parseAst(code, { lang: langOf(file) } as Parameters<typeof parseAst>[1]) as unknown as { body: Node[] };
  } catch {
    return null; // Vite's own transform reports the syntax error with its location
  }
  const s = new MagicString(code);
  const lines = lineStarts(code);
  const spot = (name: string, offset: number): SourceSpot => ({ name, ...position(lines, offset) });
  const facts: ModuleFacts = {
    file,
    classes: [],
    components: [],
    sideEffects: [],
    moduleState: [],
    mainLocals: [],
    handlesHot: code.includes("import.meta.hot"),
    forceRestart: /\/\/\s*@weft-restart\b/.test(code),
    boundary: false,
  };
  const forceReset = REFRESH_RESET.test(code);
  const file$ = JSON.stringify(file);

  // How `component` and the hooks from "weft" are called in this module.
  const componentNames = new Set<string>();
  const builtin = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const node of ast.body) {
    if (node.type !== "ImportDeclaration" || (node.source as Node & { value: string }).value !== "weft") continue;
    for (const spec of node.specifiers as Node[]) {
      const imported = nameOf(spec.imported);
      if (spec.type === "ImportSpecifier" && imported === "component") componentNames.add(nameOf(spec.local)!);
      if (spec.type === "ImportSpecifier" && imported && /^use[A-Z]/.test(imported)) builtin.set(nameOf(spec.local)!, imported);
      if (spec.type === "ImportNamespaceSpecifier") namespaces.add(nameOf(spec.local)!);
    }
  }
  const hookNames: HookNames = { builtin, namespaces };
  const isComponentCall = (node: unknown): boolean => {
    if (!isNode(node) || node.type !== "CallExpression") return false;
    const callee = (node as Node).callee as Node;
    if (callee.type === "Identifier") return componentNames.has(nameOf(callee)!);
    return callee.type === "MemberExpression" && namespaces.has(nameOf(callee.object) ?? "") && nameOf(callee.property) === "component";
  };

  // ---------------------------------------------------------------- signatures of hook-calling functions
  const signatures = new Map<Node, string>(); // function node → its key, for the facts
  let temporaries = 0;
  const temporary = () => `__weft$${++temporaries}`;
  const signArgs = (fn: Node) => {
    const signature = hookSignature(fn, code, hookNames);
    if (!signature) return null;
    signatures.set(fn, signature.key);
    const hooks = signature.customHooks.length > 0 ? `() => [${signature.customHooks.join(", ")}]` : "undefined";
    return `${JSON.stringify(signature.key)}, ${hooks}${forceReset ? ", true" : ""}`;
  };
  /** Functions signed by a statement after their declaration, so their inferred names stay. */
  const signedByName = new Set<Node>();
  /**
   * The other functions that call hooks (arguments, returns, class fields) are wrapped where
   * they stand: `sign(fn, …)` hugs the function (inserted on its inner side), while a wrapper
   * around a larger expression (a registration) goes on the outer side, so they nest.
   */
  const signInPlace = () =>
    walk({ type: "Program", start: 0, end: code.length, body: ast.body } as Node, (node, parent) => {
      if (!isFunction(node) || signedByName.has(node) || !node.body) return;
      if (parent && (parent.type === "MethodDefinition" || parent.type === "TSDeclareMethod" || (parent.type === "Property" && (parent.method || parent.kind !== "init")))) return;
      const args = signArgs(node);
      if (!args) return;
      s.prependRight(node.start, `${REGISTRY}.sign(`);
      s.appendLeft(node.end, `, ${args})`);
    });

  // ---------------------------------------------------------------- registrations
  const registered = new Set<string>();
  const componentFunctions = new Map<{ hooks: string }, Node>();
  const register = (init: Node, name: string) => {
    const inner = isComponentCall(init) ? [] : innerFunctions(init);
    const fn = isComponentCall(init) ? (init.arguments as Node[])[0] : inner.find((f) => isFunction(f));
    const entry = { name, hooks: "" };
    facts.components.push(entry);
    if (fn) componentFunctions.set(entry, fn);
    registered.add(name.split(".")[0]!);
    const refs: string[] = [];
    for (const f of inner) {
      if (f.type === "Identifier") refs.push(nameOf(f)!);
      else {
        const t = temporary();
        s.prependLeft(f.start, `(${t} = `);
        s.appendRight(f.end, ")");
        refs.push(t);
      }
    }
    s.prependLeft(init.start, `${REGISTRY}.component(${file$}, ${JSON.stringify(name)}, `);
    s.appendRight(init.end, refs.length > 0 ? `, () => [${refs.join(", ")}])` : ")");
    // What a HOC is given may be a component of its own (`wrap(component(…))`): registered too,
    // under the HOC's name (React: `Child$wrap`), so the one inside keeps its state as well.
    if (!isComponentCall(init)) for (const { call, callee } of innerCalls(init)) register(call, `${name}$${callee}`);
  };
  /** A top-level binding that may hold a component: `const Counter = component(…)`, `const Child = hoc("A")`. */
  const mayBeComponent = (name: string, init: Node) =>
    isComponentCall(init) || (/^[A-Z]/.test(name) && (init.type === "CallExpression" || (init.type === "MemberExpression" && containsCall(init))));

  let mainNode: Node | undefined;
  let mainName: string | undefined;
  const functions = new Map<string, Node>();
  const exported: string[] = [];
  let exportsAll = false;

  /** Declarations of a top-level or namespace statement list; `prefix` names namespace members (`Foo.Bar.`). */
  const declarations = (statements: Node[], prefix: string) => {
    const declarators = (decl: Node, statement: Node) => {
      const after: string[] = [];
      for (const d of decl.declarations as Node[]) {
        const id = d.id as Node;
        const init = d.init as Node | null;
        const name = id.type === "Identifier" ? nameOf(id)! : undefined;
        if (init && name && isFunction(init)) {
          const args = signArgs(init);
          signedByName.add(init);
          if (args) after.push(`${REGISTRY}.sign(${name}, ${args});`);
          if (!prefix) functions.set(name, init);
        } else if (init && name && init.type === "ClassExpression") {
          if (!prefix) facts.classes.push(name);
        } else if (init && name && mayBeComponent(name, init)) {
          register(init, prefix + name);
        } else if (!prefix && (decl.kind !== "const" || (init && isMutableInit(init)))) {
          for (const n of bindingNames(id)) facts.moduleState.push(spot(n, id.start));
        }
      }
      if (after.length > 0) s.appendRight(statement.end, ` ;${after.join(" ")}`);
    };
    const declaration = (decl: Node | null, statement: Node): void => {
      if (!decl) return;
      if (decl.type === "ClassDeclaration" && nameOf(decl.id) && !prefix) facts.classes.push(nameOf(decl.id)!);
      else if (decl.type === "FunctionDeclaration" && nameOf(decl.id)) {
        signedByName.add(decl);
        const args = signArgs(decl);
        if (args) s.appendRight(statement.end, ` ;${REGISTRY}.sign(${nameOf(decl.id)}, ${args});`);
        if (!prefix) functions.set(nameOf(decl.id)!, decl);
      } else if (decl.type === "VariableDeclaration") declarators(decl, statement);
      else if (decl.type === "TSModuleDeclaration" && isNode(decl.body) && decl.body.type === "TSModuleBlock") {
        declarations(decl.body.body as Node[], `${prefix}${nameOf(decl.id)}.`);
      }
    };
    for (const node of statements) {
      switch (node.type) {
        case "ClassDeclaration":
        case "FunctionDeclaration":
        case "VariableDeclaration":
        case "TSModuleDeclaration":
          declaration(node, node);
          break;
        case "ExportNamedDeclaration": {
          const decl = node.declaration as Node | null;
          declaration(decl, node);
          if (prefix) break;
          if (decl?.type === "VariableDeclaration") for (const d of decl.declarations as Node[]) exported.push(...bindingNames(d.id as Node));
          else if (decl && nameOf(decl.id)) exported.push(nameOf(decl.id)!);
          for (const spec of (node.specifiers as Node[] | undefined) ?? []) exported.push(nameOf(spec.local) ?? "");
          if (node.source) exportsAll = true; // re-exports: another module's values
          break;
        }
        case "ExportAllDeclaration":
          exportsAll = true;
          break;
        case "ExportDefaultDeclaration": {
          if (prefix) break;
          const decl = node.declaration as Node;
          if (decl.type === "ClassDeclaration") {
            if (nameOf(decl.id)) facts.classes.push(nameOf(decl.id)!);
            exported.push(nameOf(decl.id) ?? "");
          } else if (isFunction(decl)) {
            mainNode = decl;
            if (decl.type === "FunctionDeclaration") signedByName.add(decl);
            const args = decl.type === "FunctionDeclaration" && nameOf(decl.id) ? signArgs(decl) : null;
            if (args) s.appendRight(node.end, ` ;${REGISTRY}.sign(${nameOf(decl.id)}, ${args});`);
            exported.push("");
          } else if (decl.type === "Identifier") {
            mainName = nameOf(decl);
            exported.push(mainName!);
          } else if (isComponentCall(decl) || decl.type === "CallExpression" || (decl.type === "MemberExpression" && containsCall(decl))) {
            register(decl, "default");
            exported.push("default");
          } else exported.push("");
          break;
        }
        case "ExpressionStatement": {
          if (prefix) break;
          const expr = node.expression as Node;
          if (isHarmless(expr, code, registered)) break;
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
          if (!prefix) facts.sideEffects.push(spot(firstLine(sourceText(code, node)), node.start));
          break;
        default:
          break; // imports, types, enums
      }
    }
  };
  declarations(ast.body, "");
  signInPlace(); // after the declarations, which sign the functions they name
  for (const [entry, fn] of componentFunctions) entry.hooks = signatures.get(fn) ?? "";

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

  const known = new Set([...facts.classes, ...facts.components.map((c) => c.name)]);
  facts.boundary = !exportsAll && exported.length > 0 && exported.every((name) => known.has(name));

  const anything = facts.classes.length > 0 || facts.components.length > 0 || signatures.size > 0;
  if (temporaries > 0) s.append(`\nvar ${Array.from({ length: temporaries }, (_, i) => `__weft$${i + 1}`).join(", ")};`);
  // At the module's end, when everything it declares exists: its classes, and the signatures of
  // its hooks resolved now (an inline-required hook resolves to the newest version later on).
  if (anything) s.append(`\n;${REGISTRY}?.registerModule(${file$}, { ${facts.classes.join(", ")} });\n`);
  if (!s.hasChanged()) return { code, map: s.generateMap({ hires: "boundary", source: file }), facts };
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: true }), facts };
}

/** Functions a HOC call is given (`hoc(() => …)`, `hoc(Inner)`), also in nested calls: their hooks are part of the result's. */
function innerFunctions(init: Node): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === "MemberExpression") return visit(node.object as Node);
    if (node.type !== "CallExpression") return;
    for (const arg of node.arguments as Node[]) {
      if (isFunction(arg) || (arg.type === "Identifier" && /^[A-Z]/.test(nameOf(arg)!))) out.push(arg);
      else if (arg.type === "CallExpression") visit(arg);
    }
  };
  visit(init);
  return out;
}

/** Calls a HOC call is given as arguments (`wrap(component(…))`), with the callee they were given to. */
function innerCalls(init: Node): { call: Node; callee: string }[] {
  const out: { call: Node; callee: string }[] = [];
  const visit = (node: Node) => {
    if (node.type === "MemberExpression") return visit(node.object as Node);
    if (node.type !== "CallExpression") return;
    const callee = node.callee as Node;
    const calleeName = callee.type === "Identifier" ? nameOf(callee)! : callee.type === "MemberExpression" ? (nameOf(callee.property) ?? "call") : "call";
    for (const arg of node.arguments as Node[]) if (arg.type === "CallExpression") out.push({ call: arg, callee: calleeName });
  };
  visit(init);
  return out;
}

function containsCall(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (isFunction(n)) return false;
    if (n.type === "CallExpression") found = true;
  });
  return found;
}

/**
 * An expression statement that does nothing when the module runs again: `void Other;`, a bare
 * name or literal, a call to console or `import.meta.hot`, a call of a component this module
 * declares (it only builds a control).
 */
function isHarmless(expr: Node, code: string, components: ReadonlySet<string>): boolean {
  switch (expr.type) {
    case "Literal":
    case "Identifier":
    case "ThisExpression":
    case "TemplateLiteral":
      return expr.type !== "TemplateLiteral" || (expr.expressions as Node[]).length === 0;
    case "UnaryExpression":
      return expr.operator !== "delete" && isHarmless(expr.argument as Node, code, components);
    case "MemberExpression":
      return !expr.computed && isHarmless(expr.object as Node, code, components);
    case "ChainExpression":
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "ParenthesizedExpression":
      return isHarmless(expr.expression as Node, code, components);
    case "CallExpression": {
      const callee = expr.callee as Node;
      if (HARMLESS_CALLEE.test(sourceText(code, callee))) return true;
      return callee.type === "Identifier" && components.has(nameOf(callee)!);
    }
    case "AssignmentExpression":
      // `registry.useFancyState = function …`: defining a function again defines it again.
      return expr.operator === "=" && isFunction(expr.right) && (expr.left as Node).type === "MemberExpression";
    default:
      return false;
  }
}

function langOf(file: string): "ts" | "tsx" | "js" | "jsx" {
  if (/\.tsx$/.test(file)) return "tsx";
  if (/\.[cm]?ts$/.test(file)) return "ts";
  if (/\.jsx$/.test(file)) return "jsx";
  return "js";
}

/** Whether an initializer makes a container whose contents can change (state). */
function isMutableInit(init: Node): boolean {
  if (init.type === "ArrayExpression" || init.type === "ObjectExpression") return true;
  if (init.type === "NewExpression") return /^(Map|Set|WeakMap|WeakSet|Array|Object)$/.test(nameOf(init.callee) ?? "");
  return false;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0]!.trim();
  return line.length > 60 ? line.slice(0, 57) + "…" : line;
}
