import type { SgNode, SgRoot } from "@ast-grep/napi";
import type { LineRange } from "./types.js";

/**
 * The nodes a change took away (or, read the other way, put in): the smallest named nodes of
 * one side that cover its changed lines and have no equal, by normalised text, on the other
 * side. Counting equals (not just looking one up) keeps a `debugger;` that was removed here
 * even when another one stays elsewhere in the file.
 */

/** Leaves and near-leaves: on their own they say nothing a rule could match on. */
const ATOMIC = new Set([
  "identifier", "property_identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern",
  "private_property_identifier", "type_identifier", "predefined_type", "statement_identifier", "string", "string_fragment",
  "template_string", "number", "regex", "regex_pattern", "true", "false", "null", "undefined", "this", "super", "escape_sequence",
]);
/** Parts of a node that are no expression or statement of their own. */
const WRAPPERS = new Set(["arguments", "formal_parameters", "type_arguments", "type_annotation", "import_clause", "named_imports", "import_specifier", "namespace_import", "pair", "template_substitution"]);
const SKIPPED = new Set(["comment", "hash_bang_line", "ERROR"]);
/** Beyond this a node is a block of code, not a mistake one rule could name: look inside it. */
const MAX_LINES = 6;
const MAX_CHARS = 300;
/** At most this many nodes per file: a rewritten file is no single mistake. */
const MAX_NODES = 12;

export function isAtomic(node: SgNode): boolean {
  return ATOMIC.has(node.kind() as string) || (node.isNamedLeaf() && node.kind() !== "debugger_statement");
}

export function normalised(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Kind and text: `()` as parameters and `()` as arguments are different things. */
function countKey(node: SgNode): string {
  return `${node.kind() as string}\0${normalised(node.text())}`;
}

/** How often each normalised node text occurs in a tree. */
export function textCounts(root: SgRoot): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: SgNode) => {
    const key = countKey(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const child of node.children()) if (child.isNamed()) visit(child);
  };
  visit(root.root());
  return counts;
}

/** 1-based first and last line of a node. */
export function linesOf(node: SgNode): LineRange {
  const range = node.range();
  const end = range.end.column === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return { start: range.start.line + 1, end: end + 1 };
}

export function changedNodes(root: SgRoot, changed: readonly LineRange[], own: Map<string, number>, other: Map<string, number>): SgNode[] {
  const lines = new Set<number>();
  for (const range of changed) for (let line = range.start; line <= range.end; line++) lines.add(line);
  const touches = (node: SgNode) => {
    const { start, end } = linesOf(node);
    for (let line = start; line <= end; line++) if (lines.has(line)) return true;
    return false;
  };
  const coveredFully = (node: SgNode) => {
    const { start, end } = linesOf(node);
    for (let line = start; line <= end; line++) if (!lines.has(line)) return false;
    return true;
  };
  const hasEqual = (node: SgNode) => {
    const key = countKey(node);
    return (other.get(key) ?? 0) >= (own.get(key) ?? 0);
  };
  const differing = (node: SgNode) => node.children().filter((child) => child.isNamed() && !SKIPPED.has(child.kind() as string) && touches(child) && !hasEqual(child));

  const visit = (node: SgNode): SgNode[] => {
    if (SKIPPED.has(node.kind() as string) || !touches(node) || hasEqual(node)) return [];
    const kids = differing(node);
    if (node.kind() === "program" || !coveredFully(node)) return kids.flatMap(visit);
    const only = kids.length === 1 ? kids[0]! : undefined;
    if (only && !isAtomic(only)) return visit(only);
    if (isBig(node)) return kids.filter((kid) => !isAtomic(kid)).flatMap(visit);
    return [node];
  };
  const found: SgNode[] = [];
  const seen = new Set<string>();
  for (const node of visit(root.root())) {
    const whole = meaningful(node);
    if (!whole || isBig(whole)) continue;
    const key = `${whole.range().start.index}:${whole.range().end.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(whole);
    if (found.length === MAX_NODES) break;
  }
  return found;
}

/** An atomic node or a wrapper stands for the expression around it (`a` in `foo(a)` → `foo(a)`). */
function meaningful(node: SgNode): SgNode | undefined {
  let current: SgNode | null = node;
  while (current && (isAtomic(current) || WRAPPERS.has(current.kind() as string))) current = current.parent();
  return current && current.kind() !== "program" ? current : undefined;
}

function isBig(node: SgNode): boolean {
  const { start, end } = linesOf(node);
  return end - start + 1 > MAX_LINES || node.text().length > MAX_CHARS;
}

/**
 * Pairs each removed node with the node added in its place: the added node of the same hunk
 * at the same line offset, else the one at the same position in the hunk's order.
 */
export function pairReplacements(removed: SgNode[], added: SgNode[], removedRanges: readonly LineRange[], addedRanges: readonly LineRange[]): Map<SgNode, SgNode> {
  const pairs = new Map<SgNode, SgNode>();
  const used = new Set<SgNode>();
  const hunkOf = (line: number, ranges: readonly LineRange[]) => ranges.findIndex((range) => line >= range.start && line <= range.end);
  const hunks = pairHunks(removedRanges, addedRanges);
  for (const node of removed) {
    const line = linesOf(node).start;
    const hunk = hunks.get(hunkOf(line, removedRanges));
    if (hunk === undefined) continue;
    const offset = line - removedRanges[hunkOf(line, removedRanges)]!.start;
    const inHunk = added.filter((candidate) => !used.has(candidate) && hunkOf(linesOf(candidate).start, addedRanges) === hunk);
    const match = inHunk.find((candidate) => linesOf(candidate).start - addedRanges[hunk]!.start === offset) ?? inHunk[0];
    if (match) {
      pairs.set(node, match);
      used.add(match);
    }
  }
  return pairs;
}

/**
 * Which added range belongs to which removed range. `-U0` hunks carry both; the parser keeps
 * them in separate lists, so a removed range and an added range are one hunk when the added
 * range starts where the removed one would land after the earlier hunks' shifts.
 */
export function pairHunks(removed: readonly LineRange[], added: readonly LineRange[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let shift = 0;
  let next = 0;
  for (let i = 0; i < removed.length; i++) {
    const range = removed[i]!;
    while (next < added.length && added[next]!.start < range.start + shift) {
      shift += added[next]!.end - added[next]!.start + 1;
      next++;
    }
    const candidate = added[next];
    if (candidate && candidate.start === range.start + shift) {
      pairs.set(i, next);
      shift += candidate.end - candidate.start + 1;
      next++;
    }
    shift -= range.end - range.start + 1;
  }
  return pairs;
}
