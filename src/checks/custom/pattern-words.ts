import type { SgNode } from "@ast-grep/napi";
import type { AstGrepRule } from "../../config/rule-file-types.js";
import { parseSource, type AstGrep, type Language } from "./pattern-lang.js";

/**
 * Words a file must contain for a rule to have any chance of matching it, so that most files
 * are never parsed (as Semgrep and ast-grep's own scanners pre-filter). Under ast-grep's default
 * ("smart") strictness every leaf of a pattern string matches a leaf of the same kind and text,
 * so each identifier or keyword in the pattern appears verbatim in any match, and `inside`/`has`
 * conditions are nodes of the same file. A requirement is only ever weaker than the rule:
 * whatever cannot be read safely (regex, kind, not, pattern objects with a strictness, utils)
 * requires nothing.
 */
export type Requirement = { words: string[] } | { all: Requirement[] } | { any: Requirement[] };

const NOTHING: Requirement = { words: [] };
/** Identifier or keyword text; a leading `$` is a metavariable (or jQuery's `$`): no requirement. */
const WORD = /^[A-Za-z_][\w$]*$/;
/** Keys whose rules must hold in the same file as the match (relational rules). */
const SAME_FILE = ["inside", "has", "follows", "precedes"];

export function requirementOf(astGrep: AstGrep, language: Language, rule: AstGrepRule): Requirement {
  const parts: Requirement[] = [];
  if (typeof rule.pattern === "string") parts.push({ words: patternWords(astGrep, language, rule.pattern) });
  for (const key of SAME_FILE) {
    const inner = rule[key];
    if (isRule(inner)) parts.push(requirementOf(astGrep, language, inner));
  }
  if (Array.isArray(rule.all)) parts.push({ all: rule.all.filter(isRule).map((r) => requirementOf(astGrep, language, r)) });
  // `any` holds when one branch does; a branch that is not a rule object makes it unknowable.
  if (Array.isArray(rule.any) && rule.any.length > 0 && rule.any.every(isRule)) {
    parts.push({ any: rule.any.map((r) => requirementOf(astGrep, language, r as AstGrepRule)) });
  }
  return parts.length === 0 ? NOTHING : { all: parts };
}

export function satisfies(text: string, requirement: Requirement): boolean {
  if ("words" in requirement) return requirement.words.every((word) => text.includes(word));
  if ("all" in requirement) return requirement.all.every((part) => satisfies(text, part));
  return requirement.any.some((part) => satisfies(text, part));
}

/** Word-like leaves of the pattern's own syntax tree (comments and metavariables left out). */
function patternWords(astGrep: AstGrep, language: Language, pattern: string): string[] {
  const root = parseSource(astGrep, language, pattern);
  if (!root) return [];
  const words = new Set<string>();
  const walk = (node: SgNode): void => {
    const children = node.children();
    if (children.length === 0) {
      const text = node.text();
      if (WORD.test(text) && node.kind() !== "comment") words.add(text);
      return;
    }
    for (const child of children) walk(child);
  };
  walk(root.root());
  return [...words];
}

function isRule(value: unknown): value is AstGrepRule {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
