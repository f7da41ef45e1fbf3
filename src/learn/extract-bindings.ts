import type { SgNode, SgRoot } from "@ast-grep/napi";
import type { Bindings } from "./ladder-pattern.js";

/**
 * What a file binds: the names its imports (and `require`s) bring in, each with its module,
 * and the names it declares itself. A call rooted in an imported name is a library call; one
 * rooted in a local name has a receiver a pattern may generalise.
 */

const NAME_KINDS = ["identifier", "shorthand_property_identifier_pattern"];

/** Local names an import statement or a `require` declaration binds. */
export function boundNames(node: SgNode): string[] {
  const names: string[] = [];
  for (const found of findKinds(node, ["import_clause", "variable_declarator"])) {
    const target = found.kind() === "variable_declarator" ? found.field("name") : found;
    if (!target) continue;
    for (const child of target.kind() === "identifier" ? [target] : findKinds(target, NAME_KINDS)) {
      const specifier = child.parent();
      // `{ a as b }` binds `b`, not `a`.
      if (specifier?.kind() === "import_specifier" && specifier.field("alias") && specifier.field("alias")!.text() !== child.text()) continue;
      names.push(child.text());
    }
  }
  return names;
}

/** Names the file imports, and names it declares itself (variables, parameters, functions, classes). */
export function bindingsOf(root: SgRoot): Bindings {
  const imported = new Map<string, string>();
  const local = new Set<string>();
  const top = root.root();
  for (const statement of findKinds(top, ["import_statement"])) {
    const module = unquote(statement.field("source")?.text());
    for (const name of boundNames(statement)) imported.set(name, module);
  }
  for (const declarator of findKinds(top, ["variable_declarator"])) {
    const value = declarator.field("value");
    const isRequire = value?.kind() === "call_expression" && value.field("function")?.text() === "require";
    const module = isRequire ? unquote(value!.field("arguments")?.child(1)?.text()) : "";
    for (const name of isRequire ? boundNames(declarator) : namesIn(declarator.field("name"))) {
      if (isRequire) imported.set(name, module);
      else local.add(name);
    }
  }
  for (const node of findKinds(top, DECLARING)) {
    const kind = node.kind();
    if (kind === "function_declaration" || kind === "class_declaration") namesIn(node.field("name")).forEach((name) => local.add(name));
    else if (kind === "required_parameter" || kind === "optional_parameter") namesIn(node.field("pattern")).forEach((name) => local.add(name));
    else if (kind === "formal_parameters") node.children().forEach((child) => parameterNames(child).forEach((name) => local.add(name)));
    else if (node.field("parameter")?.kind() === "identifier") local.add(node.field("parameter")!.text());
  }
  return { imported, local };
}

/** Nodes that declare names. `required_parameter`/`optional_parameter` exist in TypeScript only. */
const DECLARING = ["function_declaration", "class_declaration", "required_parameter", "optional_parameter", "formal_parameters", "arrow_function"];

/**
 * Every node of the given kinds under `node`, leaving out kinds the node's grammar lacks: ast-grep
 * rejects a rule naming an unknown kind (JavaScript has no `required_parameter`), and one
 * grammar's gap must not make learn fail on a file of that language.
 */
export function findKinds(node: SgNode, kinds: readonly string[]): SgNode[] {
  const known = kinds.filter((kind) => {
    try {
      node.matches({ rule: { kind } });
      return true;
    } catch {
      return false;
    }
  });
  return known.length === 0 ? [] : node.findAll({ rule: { any: known.map((kind) => ({ kind })) } });
}

/**
 * The names one child of `formal_parameters` declares. TypeScript wraps each parameter in a
 * `required_parameter`/`optional_parameter` (read on their own above); JavaScript puts the
 * identifier or pattern there directly (`a`, `{ b }`, `c = 1`, `...d`).
 */
function parameterNames(child: SgNode): string[] {
  const kind = child.kind();
  if (!child.isNamed() || kind === "required_parameter" || kind === "optional_parameter" || kind === "comment") return [];
  if (kind === "assignment_pattern") return namesIn(child.field("left"));
  return namesIn(child);
}

function unquote(text: string | undefined): string {
  return (text ?? "").replace(/^['"`]|['"`]$/g, "");
}

function namesIn(node: SgNode | null): string[] {
  if (!node) return [];
  if (node.kind() === "identifier") return [node.text()];
  return findKinds(node, NAME_KINDS).map((found) => found.text());
}
