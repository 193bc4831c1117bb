import ts from "typescript";

/** Gives the specifier to write instead of `specifier` in `file`, or undefined to keep it. */
export type SpecifierMap = (specifier: string, file: string) => string | undefined;

/**
 * A TypeScript transformer (for both the JavaScript and the declarations) that rewrites the module
 * specifiers of a file: static and dynamic imports, re-exports, `import("x")` types, and the
 * string given to a `.resolve("x")` call (`import.meta.resolve`, `require.resolve`,
 * `createRequire(…).resolve`), which names a module just as an import does.
 *
 * Written here because the folding is weft's own: a folded package's specifier becomes a
 * relative path to its built file, and TypeScript's `rewriteRelativeImportExtensions` rewrites
 * only relative `.ts` paths, and only in JavaScript.
 */
export function specifierTransformer(map: SpecifierMap): ts.CustomTransformerFactory {
  return (context) => {
    const { factory } = context;
    const literal = (node: ts.Expression, file: string): ts.StringLiteral | undefined => {
      if (!ts.isStringLiteral(node)) return undefined;
      const next = map(node.text, file);
      return next === undefined || next === node.text ? undefined : factory.createStringLiteral(next);
    };
    const visitFile = (source: ts.SourceFile | ts.Bundle): ts.SourceFile | ts.Bundle => {
      if (!ts.isSourceFile(source)) return source;
      const file = source.fileName;
      const visit = (node: ts.Node): ts.Node => {
        if (ts.isImportDeclaration(node)) {
          const spec = literal(node.moduleSpecifier, file);
          if (spec) return factory.updateImportDeclaration(node, node.modifiers, node.importClause, spec, node.attributes);
        } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
          const spec = literal(node.moduleSpecifier, file);
          if (spec) return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, spec, node.attributes);
        } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
          const spec = literal(node.argument.literal as ts.Expression, file);
          if (spec) {
            return factory.updateImportTypeNode(
              node,
              factory.updateLiteralTypeNode(node.argument, spec),
              node.attributes,
              node.qualifier ? (ts.visitNode(node.qualifier, visit) as ts.EntityName) : undefined,
              node.typeArguments?.map((t) => ts.visitNode(t, visit) as ts.TypeNode),
              node.isTypeOf,
            );
          }
        } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && isModuleCall(node)) {
          const spec = literal(node.arguments[0]!, file);
          if (spec) {
            return factory.updateCallExpression(
              node,
              ts.visitNode(node.expression, visit) as ts.Expression,
              node.typeArguments,
              [spec, ...node.arguments.slice(1).map((a) => ts.visitNode(a, visit) as ts.Expression)],
            );
          }
        }
        return ts.visitEachChild(node, visit, context);
      };
      return ts.visitEachChild(source, visit, context);
    };
    return { transformSourceFile: visitFile as (s: ts.SourceFile) => ts.SourceFile, transformBundle: visitFile as (b: ts.Bundle) => ts.Bundle };
  };
}

/** `import("x")`, or `<anything>.resolve("x")`. */
function isModuleCall(node: ts.CallExpression): boolean {
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "resolve" && isResolver(node.expression.expression);
}

/** `import.meta`, `require`, `createRequire(…)`, or a variable called `require`/`…Require`. */
function isResolver(node: ts.Expression): boolean {
  if (ts.isMetaProperty(node)) return node.keywordToken === ts.SyntaxKind.ImportKeyword;
  if (ts.isIdentifier(node)) return node.text === "require" || /Require$/.test(node.text);
  if (ts.isCallExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === "createRequire";
  return false;
}
