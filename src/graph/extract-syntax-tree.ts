import { ts, type TS } from "./typescript.js";
import type { FoundImport } from "./extract-statements.js";
import type { ImportKind } from "./types.js";

/**
 * The same imports as the token path, from TypeScript's full parse: slower, used for JSX the
 * token path could not follow, and as the reference the token path is tested against.
 */
export function parseImports(text: string, path: string, declarationFile: boolean): FoundImport[] {
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const source = ts.createSourceFile(path, text, options, /*setParentNodes*/ false, scriptKind(path));
  const found: FoundImport[] = [];
  const add = (literal: TS.Node, kind: ImportKind, typeOnly: boolean): void => {
    if (!ts.isStringLiteral(literal) || literal.isUnterminated) return;
    found.push({ specifier: literal.text, kind, typeOnly, start: literal.getStart(source), end: literal.end });
  };
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      add(node.moduleSpecifier, clause ? "import" : "side-effect", clause !== undefined && importIsTypeOnly(clause));
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier, "export", exportIsTypeOnly(node));
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) {
        add(node.moduleReference.expression, "import-equals", node.isTypeOnly);
      }
    } else if (ts.isCallExpression(node) && !node.questionDotToken) {
      const [first] = node.arguments;
      if (first && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(first, "dynamic", declarationFile);
      else if (first && node.arguments.length === 1 && isRequire(node.expression)) add(first, "require", false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal, "dynamic", true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(clause: TS.ImportClause): boolean {
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    clause.name === undefined &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((element) => element.isTypeOnly)
  );
}

function exportIsTypeOnly(declaration: TS.ExportDeclaration): boolean {
  if (declaration.isTypeOnly) return true;
  const named = declaration.exportClause;
  return (
    named !== undefined &&
    ts.isNamedExports(named) &&
    named.elements.length > 0 &&
    named.elements.every((element) => element.isTypeOnly)
  );
}

function isRequire(callee: TS.Expression): boolean {
  return ts.isIdentifier(callee) && callee.text === "require";
}

function scriptKind(path: string): TS.ScriptKind {
  if (path.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (path.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs")) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
