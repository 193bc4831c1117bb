import { isFunction, isNode, nameOf, sourceText, walk, type Node } from "./ast.ts";

/**
 * The hook calls of one function, as React Refresh's Babel plugin writes them down: a component
 * keeps its state across an edit only when this signature is the same. For each hook call, in
 * order: the callee, what its result is assigned to (`[foo, setFoo]`: a renamed state variable
 * is new state) and, for `useState`, its initial value's text (an edited initial value is new
 * state too). Custom hooks are named in `customHooks`; their own signatures are looked up at
 * run time (a hook imported from another module, a hook of `FakeModuleSystem.useX`).
 */
export interface HookSignature {
  key: string;
  /** Source text of each custom hook's callee, for the `() => [useFancyState]` the registry evaluates. */
  customHooks: string[];
}

export interface HookNames {
  /** Local names of weft's hooks (`useState`, or what it is imported as). */
  builtin: ReadonlyMap<string, string>;
  /** Local names of `import * as weft from "weft"`. */
  namespaces: ReadonlySet<string>;
}

const HOOK_NAME = /^use[A-Z0-9]/;

/** The signature of `fn`'s own hook calls (not those of functions nested in it), or null when it calls none. */
export function hookSignature(fn: Node, code: string, names: HookNames): HookSignature | null {
  const entries: string[] = [];
  const customHooks: string[] = [];
  const body = fn.body as Node;
  walk(body, (node, parent) => {
    if (isFunction(node)) return false; // its hooks are its own
    if (node.type !== "CallExpression") return;
    const callee = node.callee as Node;
    const hookName = callee.type === "Identifier" ? nameOf(callee) : callee.type === "MemberExpression" && !callee.computed ? nameOf(callee.property) : undefined;
    if (!hookName || !HOOK_NAME.test(hookName)) return;
    const builtin = builtinHook(callee, names);
    const calleeText = sourceText(code, callee);
    let key = parent?.type === "VariableDeclarator" && parent.init === node ? sourceText(code, parent.id as Node) : "";
    const args = node.arguments as Node[];
    if (builtin === "useState" && args.length > 0) key += `(${sourceText(code, args[0]!)})`;
    entries.push(`${calleeText}{${key}}`);
    if (!builtin && !customHooks.includes(calleeText)) customHooks.push(calleeText);
  });
  if (entries.length === 0) return null;
  return { key: entries.join("\n"), customHooks };
}

/** Which of weft's hooks `callee` is, or undefined for a custom hook. */
function builtinHook(callee: Node, names: HookNames): string | undefined {
  if (callee.type === "Identifier") return names.builtin.get(nameOf(callee)!);
  if (callee.type === "MemberExpression" && isNode(callee.object) && names.namespaces.has(nameOf(callee.object) ?? "")) return nameOf(callee.property);
  return undefined;
}
