/** The ESTree-shaped nodes Vite's parser (oxc) gives, as far as the transform reads them. */
export type Node = { type: string; start: number; end: number; [key: string]: unknown };

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

export function nameOf(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  return undefined;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

export function isFunction(node: unknown): boolean {
  return isNode(node) && FUNCTION_TYPES.has(node.type);
}

/** Calls `visit` for every node under `root` with its parent; `visit` returning false skips the node's children. */
export function walk(root: Node, visit: (node: Node, parent: Node | null) => boolean | void): void {
  const go = (value: unknown, parent: Node | null) => {
    if (Array.isArray(value)) {
      for (const item of value) go(item, parent);
      return;
    }
    if (!isNode(value)) return;
    if (visit(value, parent) === false) return;
    for (const key in value) {
      if (key === "start" || key === "end" || key === "type") continue;
      const child = value[key];
      if (typeof child === "object" && child !== null) go(child, value);
    }
  };
  go(root, null);
}

export function bindingNames(pattern: Node): string[] {
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

export function sourceText(code: string, node: Node): string {
  return code.slice(node.start, node.end);
}

export function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
