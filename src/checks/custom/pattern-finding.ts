import type { SgNode } from "@ast-grep/napi";
import type { AstGrepRule } from "../../config/rule-file-types.js";
import type { KindFinding } from "./kind.js";
import { clip, evidenceText, oneLine } from "./match-text.js";

/** A metavariable as written in a rule: `$A` (one node) or `$$$ARGS` (a list of nodes). */
export interface Metavariable {
  key: string;
  name: string;
  multiple: boolean;
}

// `$NAME` and `$$$NAME`; `$$NAME` also captures one node. `$_…` names never capture.
const METAVARIABLE = /(\$\$\$|\$\$|\$)([A-Z][A-Z0-9_]*)/g;
/** Message data stays one readable line; the evidence keeps more, then a digest. */
const MAX_DATA_CHARS = 120;

/** Every metavariable a rule names, in its patterns (at any depth) and its constraints. */
export function metavariablesOf(rule: AstGrepRule, constraints: Record<string, unknown> | undefined): Metavariable[] {
  const found = new Map<string, Metavariable>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      for (const [, sigil, name] of value.matchAll(METAVARIABLE)) {
        const key = `${sigil}${name}`;
        found.set(key, { key, name: name!, multiple: sigil === "$$$" });
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit(rule);
  for (const name of Object.keys(constraints ?? {})) {
    if (/^[A-Z][A-Z0-9_]*$/.test(name) && ![...found.values()].some((m) => m.name === name)) {
      found.set(`$${name}`, { key: `$${name}`, name, multiple: false });
    }
  }
  return [...found.values()];
}

/**
 * What a rule found at one node, without the file: a content-hash cache stores it for every
 * file with the same text, and the finding is built from it at report time (findingOf).
 */
export interface PatternMatch {
  /** 1-based, as reported. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Each captured metavariable (`$A`, `$$$ARGS`) as message data. */
  data: Record<string, string>;
  /** The matched code, collapsed (and cut with a digest when long). */
  match: string;
}

/** The match at a node: 1-based position, each captured metavariable as message data. */
export function matchAt(source: string, node: SgNode, metavariables: readonly Metavariable[]): PatternMatch {
  const { start, end } = node.range();
  const data: Record<string, string> = {};
  for (const variable of metavariables) {
    const text = captured(source, node, variable);
    if (text !== undefined) data[variable.key] = clip(oneLine(text), MAX_DATA_CHARS);
  }
  return {
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
    data,
    match: evidenceText(oneLine(node.text())),
  };
}

/** The finding a match makes in a file (fresh objects: the engine may stamp them). */
export function findingOf(file: string, match: PatternMatch): KindFinding {
  return {
    file,
    line: match.line,
    column: match.column,
    endLine: match.endLine,
    endColumn: match.endColumn,
    data: { ...match.data },
    evidence: { match: match.match },
  };
}

/** "matched `moment(a)` at 1:12", for `guard rules test`. */
export function describeMatch(node: SgNode): string {
  const { start } = node.range();
  return `matched \`${clip(oneLine(node.text()), MAX_DATA_CHARS)}\` at ${start.line + 1}:${start.column + 1}`;
}

/** The text a metavariable captured; a list is the source from its first node to its last, commas and all. */
function captured(source: string, node: SgNode, variable: Metavariable): string | undefined {
  if (!variable.multiple) return node.getMatch(variable.name)?.text();
  const nodes = node.getMultipleMatches(variable.name);
  if (nodes.length === 0) return "";
  return source.slice(nodes[0]!.range().start.index, nodes[nodes.length - 1]!.range().end.index);
}
