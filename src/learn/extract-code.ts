import type { SgNode } from "@ast-grep/napi";
import { targetOfEdge, type ImportTarget } from "../checks/custom/import-target.js";
import { languageOf, loadAstGrep, parseSource } from "../checks/custom/pattern-lang.js";
import type { ImportEdge } from "../graph/types.js";
import { bindingsOf, boundNames } from "./extract-bindings.js";
import { changedNodes, linesOf, pairReplacements, textCounts } from "./extract-nodes.js";
import { differsOnlyInValues } from "./extract-values.js";
import type { Bindings } from "./ladder-pattern.js";
import type { FileChange } from "./types.js";

/** A removed expression or statement: a pattern candidate. */
export interface RemovedCode {
  file: string;
  node: SgNode;
  /** The node the fix put in its place, when there is one. */
  replacement?: SgNode;
  bindings: Bindings;
}

/** A removed import whose target the good side no longer imports: an import candidate. */
export interface RemovedImport {
  file: string;
  line: number;
  specifier: string;
  target: ImportTarget;
  /** What the fix imports in its place (a repo path or a module), when it does. */
  replacement?: string;
  /** The names the import brought in, to link the calls that used them. */
  names: string[];
}

export interface CodeFindings {
  code: RemovedCode[];
  imports: RemovedImport[];
  notes: string[];
}

const IMPORTS = new Set(["import_statement", "export_statement"]);

/** Both sides of one modified code file, parsed, with the imports of each side. */
export interface CodeSides {
  change: FileChange & { oldPath: string; newPath: string; before: string; after: string };
  badEdges: readonly ImportEdge[];
  goodEdges: readonly ImportEdge[];
}

/** What one modified code file lost: removed imports and removed expressions or statements. */
export async function removedCode({ change, badEdges, goodEdges }: CodeSides): Promise<CodeFindings> {
  const astGrep = await loadAstGrep();
  const language = languageOf(change.oldPath) ?? languageOf(change.newPath);
  const bad = language && parseSource(astGrep, language, change.before);
  const good = language && parseSource(astGrep, language, change.after);
  const findings: CodeFindings = { code: [], imports: [], notes: [] };
  if (!bad || !good) return { ...findings, notes: [`${change.oldPath}: could not be parsed`] };
  const badCounts = textCounts(bad);
  const goodCounts = textCounts(good);
  const removed = changedNodes(bad, change.removed, badCounts, goodCounts);
  const added = changedNodes(good, change.added, goodCounts, badCounts);
  const replacements = pairReplacements(removed, added, change.removed, change.added);
  const bindings = bindingsOf(bad);
  const goodTargets = new Set(goodEdges.flatMap((edge) => targetOfEdge(edge)?.key ?? []));
  for (const node of removed) {
    const replacement = replacements.get(node);
    const statement = importStatementOf(node);
    const edges = edgesWithin(badEdges, statement ?? node);
    // A string that names a module is no value: `"lodash"` → `"../lib/strings"` swaps a dependency.
    const lost = edges.some((edge) => {
      const target = targetOfEdge(edge);
      return target !== undefined && !goodTargets.has(target.key);
    });
    if (replacement && !lost && differsOnlyInValues(node, replacement)) {
      findings.notes.push(`${change.oldPath}:${linesOf(node).start}: the fix only changed a value (\`${node.text()}\` → \`${replacement.text()}\`)`);
      continue;
    }
    if (statement || edges.length > 0) {
      for (const edge of edges) {
        const target = targetOfEdge(edge);
        if (!target) continue;
        if (goodTargets.has(target.key)) {
          findings.notes.push(`${change.oldPath}:${edge.line}: \`${edge.specifier}\` is still imported after the fix`);
          continue;
        }
        const replacementTarget = replacement ? edgesWithin(goodEdges, importStatementOf(replacement) ?? replacement).map(targetOfEdge)[0] : undefined;
        findings.imports.push({
          file: change.oldPath,
          line: edge.line,
          specifier: edge.specifier,
          target,
          ...(replacementTarget ? { replacement: replacementTarget.path ?? replacementTarget.module ?? replacementTarget.name } : {}),
          names: boundNames(statement ?? declarationOf(node)),
        });
      }
      continue;
    }
    const removedNode = unwrapped(node);
    const put = replacement ? counterpart(removedNode, unwrapped(replacement)) : undefined;
    findings.code.push({ file: change.oldPath, node: removedNode, ...(put ? { replacement: put } : {}), bindings });
  }
  if (removed.length === 0 && change.removed.length > 0) findings.notes.push(`${change.oldPath}: only whitespace or comments were removed`);
  return findings;
}

/** The node a pattern is made of: the expression of a statement, the value of a declaration. */
function unwrapped(node: SgNode): SgNode {
  let current = node;
  for (;;) {
    const kind = current.kind();
    const named = current.children().filter((child) => child.isNamed() && child.kind() !== "comment");
    if (kind === "expression_statement" && named.length === 1) current = named[0]!;
    else if ((kind === "lexical_declaration" || kind === "variable_declaration") && named.length === 1) current = named[0]!;
    else if (kind === "variable_declarator" && current.field("value") && !current.field("value")!.isNamedLeaf()) current = current.field("value")!;
    else if (kind === "parenthesized_expression" && named.length === 1) current = named[0]!;
    else if (kind === "member_expression" && current.parent()?.kind() === "call_expression" && sameNode(current.parent()!.field("function"), current)) return current.parent()!;
    else return current;
  }
}

function sameNode(a: SgNode | null, b: SgNode): boolean {
  return a !== null && a.range().start.index === b.range().start.index && a.range().end.index === b.range().end.index;
}

/**
 * The added node seen as the counterpart of the removed one: the symmetric search may stop
 * inside it (`new Intl.DateTimeFormat(…)` of `new Intl.DateTimeFormat(…).format(d)`, whose
 * arguments the bad side also had), so climb to where its parent is of the removed node's
 * parent's kind.
 */
function counterpart(removed: SgNode, added: SgNode): SgNode {
  const parent = removed.parent();
  const parentKind = parent?.kind();
  if (parent && added.kind() === parentKind) {
    // The search stopped one level up (`() => list()` for `db.query(…)`): take the same child.
    const index = parent.children().filter((child) => child.isNamed()).findIndex((child) => sameNode(child, removed));
    const child = added.children().filter((kid) => kid.isNamed())[index];
    if (child) return child;
  }
  let current = added;
  for (let steps = 0; steps < 4; steps++) {
    if (current.parent()?.kind() === parentKind) return current;
    const parent = current.parent();
    if (!parent || parent.kind() === "program") break;
    current = parent;
  }
  return added;
}

function importStatementOf(node: SgNode): SgNode | undefined {
  for (let current: SgNode | null = node; current; current = current.parent()) {
    if (IMPORTS.has(current.kind() as string)) return current.field("source") || current.kind() === "import_statement" ? current : undefined;
  }
  return undefined;
}

/**
 * What binds the names of a `require`/`import()` whose specifier alone changed: the declarator
 * around it (`const moment = require("moment")`), so calls of `moment` link to it.
 */
function declarationOf(node: SgNode): SgNode {
  let current: SgNode | null = node;
  for (let depth = 0; current && depth < 4; current = current.parent(), depth++) {
    if (current.kind() === "variable_declarator") return current;
    if (!["call_expression", "await_expression", "member_expression", "arguments", "string"].includes(current.kind() as string)) break;
  }
  return node;
}

/** Import edges whose specifier lies within a node's lines and text. */
function edgesWithin(edges: readonly ImportEdge[], node: SgNode): ImportEdge[] {
  const { start, end } = linesOf(node);
  const text = node.text();
  return edges.filter((edge) => edge.line >= start && edge.line <= end && text.includes(edge.specifier));
}
