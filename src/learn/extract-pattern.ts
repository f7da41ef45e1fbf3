import type { SgNode } from "@ast-grep/napi";
import { languageOf, loadAstGrep, parseSource, type AstGrep } from "../checks/custom/pattern-lang.js";
import { globMatcher } from "../repo/glob.js";
import type { RemovedCode } from "./extract-code.js";
import { crossLadder, example, type ExtractContext } from "./extract-context.js";
import { linesOf, normalised } from "./extract-nodes.js";
import { patternLadder, patternMatches, shownUse, subjectOf, type PatternStep } from "./ladder-pattern.js";
import { antiUnify } from "./ladder-unify.js";
import { scopeLadder } from "./ladder-scope.js";
import { ruleId, snippet } from "./naming.js";
import type { Candidate } from "./types.js";

const STEP_ORDER = ["receiver", "arguments", "literals", "shared", "exact"];

/**
 * Groups removed nodes that share their most general pattern (one fix removing `moment(a)` in
 * three places is one mistake), so that each group becomes one ladder of candidates.
 */
export function groupRemoved(removed: RemovedCode[]): RemovedCode[][] {
  const groups = new Map<string, RemovedCode[]>();
  for (const item of removed) {
    const key = normalised(patternLadder(item.node, item.bindings)[0]!.pattern);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** The candidates of one group: pattern rungs × scope rungs, most general first. */
export async function patternCandidates(group: RemovedCode[], context: ExtractContext): Promise<Candidate[]> {
  const astGrep = await loadAstGrep();
  const patterns = groupLadder(group);
  const first = group[0]!;
  const files = [...new Set(group.map((item) => item.file))];
  const scopes = scopeLadder(first.file, context.config).filter((scope) => scope.globs.length === 0 || files.every(globMatcher(scope.globs)));
  const subject = subjectOf(first.node, first.bindings);
  const candidates: Candidate[] = [];
  for (const { a: step, b: scope } of crossLadder(patterns, scopes)) {
    const bad = group.flatMap((item) => exampleCode(astGrep, item.file, item.node, step.pattern, true));
    if (bad.length !== group.length) continue; // `rules test` could not prove it on its own examples
    const good = group.flatMap((item) => (item.replacement ? exampleCode(astGrep, item.file, item.replacement, step.pattern, false) : []));
    const shown = shownUse(step.pattern);
    const replaced = first.replacement ? `Use \`${snippet(first.replacement.text())}\` instead of \`${snippet(first.node.text())}\`` : `Remove \`${snippet(first.node.text())}\``;
    candidates.push({
      kind: "pattern",
      generality: candidates.length,
      label: `pattern ${step.pattern} (${step.step}) in ${scope.label}`,
      expect: group.map((item) => ({ file: item.file, line: linesOf(item.node).start })),
      rule: {
        id: ruleId(subject, scope.area),
        kind: "pattern",
        severity: "error",
        files: scope.globs,
        ignore: [],
        message: `${scope.phrase} must not ${shown.endsWith("()") ? "call" : "use"} \`${snippet(shown)}\`; it was removed in ${context.reference}`,
        fix: `${replaced}, as ${context.evidence.label} did.`,
        why: context.why,
        examples: {
          bad: bad.map((code, i) => example({ file: group[i]!.file, code })),
          good: good.map((code) => example({ file: first.file, code })),
        },
        pattern: step.pattern,
      },
    });
  }
  return candidates;
}

/** The rungs every node of the group matches, plus what the nodes share when they differ. */
function groupLadder(group: RemovedCode[]): PatternStep[] {
  const steps = group.flatMap((item) => patternLadder(item.node, item.bindings));
  if (group.length > 1) {
    const shared = antiUnify(group.map((item) => item.node));
    if (shared) steps.push({ pattern: shared, step: "shared" });
  }
  const seen = new Set<string>();
  return steps
    .filter((step) => {
      const key = normalised(step.pattern);
      if (seen.has(key)) return false;
      seen.add(key);
      return group.every((item) => patternMatches(item.node, step.pattern));
    })
    .sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
}

/**
 * The snippet an example holds: the node's text, or its whole statement when the bare text
 * parses as something else, checked to fire (bad) or stay quiet (good) with the pattern.
 */
function exampleCode(astGrep: AstGrep, file: string, node: SgNode, pattern: string, fires: boolean): string[] {
  const language = languageOf(file);
  if (!language) return [];
  for (let current: SgNode | null = node, tries = 0; current && tries < 4; current = current.parent(), tries++) {
    if (current.kind() === "program") break;
    const code = current.text();
    const root = parseSource(astGrep, language, code);
    if (root && patternMatches(root.root(), pattern) === fires && (fires || current === node)) return [code];
    if (!fires) return [];
  }
  return [];
}
