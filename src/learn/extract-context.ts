import type { ResolvedConfig } from "../config/types.js";
import type { RuleExample } from "../config/rule-file-types.js";
import { fixReference, whyLine } from "./naming.js";
import type { Evidence } from "./types.js";

/** What every candidate builder needs: the evidence, the config, and the phrases citing the fix. */
export interface ExtractContext {
  evidence: Evidence;
  config: ResolvedConfig;
  /** `a3f9c1e (Replace moment with native Date)`. */
  reference: string;
  why: string;
}

export function extractContext(evidence: Evidence, config: ResolvedConfig): ExtractContext {
  return { evidence, config, reference: fixReference(evidence), why: whyLine(evidence) };
}

/** A rule-file example learn writes: no place in a rule file yet, so line and column are 0. */
export function example(fields: Omit<RuleExample, "line" | "column">): RuleExample {
  return { ...fields, line: 0, column: 0 };
}

/**
 * Orders a ladder's cross product (two rungs, each most general first) by the sum of the rungs,
 * ties going to the more general first rung: a general pattern over a narrow scope is tried
 * before an exact one over the whole repo.
 */
export function crossLadder<A, B>(first: readonly A[], second: readonly B[]): { a: A; b: B }[] {
  const pairs: { a: A; b: B; i: number; j: number }[] = [];
  first.forEach((a, i) => second.forEach((b, j) => pairs.push({ a, b, i, j })));
  return pairs.sort((x, y) => x.i + x.j - (y.i + y.j) || x.i - y.i).map(({ a, b }) => ({ a, b }));
}
