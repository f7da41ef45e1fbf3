import type { TS } from "../../graph/typescript.js";

/** The members an owner name has in the repo's declarations; `open` when they cannot be listed. */
export interface OwnerMembers {
  members: Set<string>;
  /** Some declaration's members are not all written in it (extends, spread, index signature, a call's result …). */
  open: boolean;
  /** The first file that declares it. */
  file: string | undefined;
}

/**
 * Collects the members of every declaration named `owner` in a file (at any depth: a class
 * inside a namespace counts): class, interface, enum, namespace, object-literal const and
 * type literal. Declaration merging is a union. Anything whose members are not all written
 * in the declaration marks the owner open, so no member of it is ever reported.
 */
export function addOwnerMembers(ts: typeof TS, file: string, text: string, owner: string, into: OwnerMembers): void {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(ts, file));
  const found = () => {
    into.file ??= file;
  };
  const nameOf = (name: TS.Node | undefined): string | undefined =>
    name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNumericLiteral(name)) ? name.text : undefined;
  const addElements = (elements: readonly TS.Node[]) => {
    for (const element of elements) {
      if (ts.isIndexSignatureDeclaration(element) || ts.isSpreadAssignment(element)) into.open = true;
      const name = nameOf((element as { name?: TS.Node }).name);
      if (name !== undefined) into.members.add(name.replace(/^#/, ""));
      if (ts.isConstructorDeclaration(element)) {
        for (const parameter of element.parameters) if (ts.getModifiers(parameter)?.length) addName(parameter.name);
      }
    }
  };
  const addName = (name: TS.Node) => {
    const text = nameOf(name);
    if (text !== undefined) into.members.add(text);
  };
  const visit = (node: TS.Node): void => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isInterfaceDeclaration(node)) && node.name?.text === owner) {
      found();
      if (node.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) into.open = true;
      addElements(node.members);
    } else if (ts.isEnumDeclaration(node) && node.name.text === owner) {
      found();
      addElements(node.members);
    } else if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === owner) {
      found();
      namespaceMembers(node);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === owner) {
      found();
      const value = node.initializer && skipWrappers(node.initializer);
      if (value && ts.isObjectLiteralExpression(value)) addElements(value.properties);
      else into.open = true;
    } else if (ts.isTypeAliasDeclaration(node) && node.name.text === owner) {
      found();
      if (ts.isTypeLiteralNode(node.type)) addElements(node.type.members);
      else into.open = true;
    } else if ((ts.isFunctionDeclaration(node) || ts.isImportSpecifier(node) || ts.isImportClause(node)) && node.name?.text === owner) {
      // A function gets members by assignment; an import is someone else's declaration.
      found();
      into.open = true;
    }
    ts.forEachChild(node, visit);
  };
  const namespaceMembers = (node: TS.ModuleDeclaration) => {
    let body = node.body;
    while (body && ts.isModuleDeclaration(body)) body = body.body;
    if (!body || !ts.isModuleBlock(body)) return void (into.open = true);
    for (const statement of body.statements) {
      if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) addName(declaration.name);
      else if ("name" in statement && statement.name) addName(statement.name as TS.Node);
      else if (ts.isExportDeclaration(statement)) into.open = true;
    }
  };
  const skipWrappers = (expression: TS.Expression): TS.Expression => {
    let current = expression;
    while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
    return current;
  };
  visit(source);
}

function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  if (/\.[cm]?tsx$/.test(file) || file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[cm]?jsx?$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}
