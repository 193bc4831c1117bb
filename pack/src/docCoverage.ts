import { relative } from "node:path";
import ts from "typescript";

/** One exported declaration without a doc comment. */
export interface Undocumented {
  /** `Button`, `ButtonProps.onClick`, `Page.title`. */
  name: string;
  /** `runtime/src/controls/button.ts:12`, relative to the folder given. */
  where: string;
}

export interface DocCoverageOptions {
  /** The entry modules whose exports are public (a package's `exports` targets). */
  entries: string[];
  /** Paths in the report are relative to this folder. */
  root: string;
  /** Also the members of exported classes and interfaces (default true); false: the exports themselves. */
  members?: boolean;
  compilerOptions?: ts.CompilerOptions;
}

/**
 * Every exported declaration of the entry modules that has no TSDoc comment: each export
 * (a function, class, constant, type, interface), and each member a user reads or writes of an
 * exported class or interface (a control's properties and methods, a props interface's props
 * and events, the page's members), including members it inherits from weft's own classes and
 * interfaces. Members the TypeScript compiler marks private or protected, and names starting
 * with `_`, are not public. Declarations from other packages (the DOM, Node, `ws`) are theirs.
 *
 * Written with the compiler API because what counts is what `tsc` and an editor show: the
 * documentation comment of the symbol a user's code resolves to.
 */
export function undocumentedExports(options: DocCoverageOptions): Undocumented[] {
  const program = ts.createProgram({ rootNames: options.entries, options: { noEmit: true, skipLibCheck: true, ...options.compilerOptions } });
  const checker = program.getTypeChecker();
  const ours = (decl: ts.Declaration) => !decl.getSourceFile().fileName.includes("/node_modules/") && !decl.getSourceFile().isDeclarationFile;
  const found = new Map<string, Undocumented>();
  const seenTypes = new Set<ts.Symbol>();

  const where = (decl: ts.Declaration) => {
    const source = decl.getSourceFile();
    return `${relative(options.root, source.fileName)}:${source.getLineAndCharacterOfPosition(decl.getStart()).line + 1}`;
  };
  const documented = (symbol: ts.Symbol, decl: ts.Declaration) =>
    symbol.getDocumentationComment(checker).some((part) => part.text.trim() !== "") || ts.getJSDocTags(decl).length > 0;
  const report = (name: string, symbol: ts.Symbol) => {
    const decl = symbol.declarations?.find(ours);
    if (!decl || documented(symbol, decl)) return;
    const key = where(decl);
    if (!found.has(key)) found.set(key, { name, where: key });
  };
  const isPublicMember = (member: ts.Symbol) => {
    if (member.name.startsWith("_") || member.name.startsWith("#") || member.name.startsWith("__")) return false;
    const decl = member.declarations?.[0];
    if (!decl || !ours(decl)) return false;
    const flags = ts.getCombinedModifierFlags(decl);
    if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
    const name = ts.getNameOfDeclaration(decl);
    return !(name && ts.isPrivateIdentifier(name));
  };
  // A member is named by the class or interface that declares it (`ControlProps.tooltip`), once.
  const ownerName = (member: ts.Symbol) => {
    const parent = member.declarations?.[0]?.parent;
    return parent && (ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent)) && parent.name ? parent.name.text : "?";
  };
  const members = (symbol: ts.Symbol) => {
    if (seenTypes.has(symbol)) return;
    seenTypes.add(symbol);
    const isClass = (symbol.flags & ts.SymbolFlags.Class) !== 0;
    const isInterface = (symbol.flags & ts.SymbolFlags.Interface) !== 0;
    if (!isClass && !isInterface) return;
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    for (const member of checker.getPropertiesOfType(instance)) {
      if (isPublicMember(member)) report(`${ownerName(member)}.${member.name}`, member);
    }
    if (isClass) {
      const statics = checker.getTypeOfSymbol(symbol);
      for (const member of checker.getPropertiesOfType(statics)) {
        if (member.name !== "prototype" && isPublicMember(member)) report(`${ownerName(member)}.${member.name}`, member);
      }
    }
  };

  for (const entry of options.entries) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry} is not a module the compiler could read`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      report(exported.name, target);
      if (options.members !== false) members(target);
    }
  }
  return [...found.values()].sort((a, b) => a.where.localeCompare(b.where, "en", { numeric: true }));
}
