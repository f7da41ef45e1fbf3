import type { KindFinding } from "../checks/custom/kind.js";
import { kindOf } from "../checks/custom/kinds.js";
import type { Workspace } from "../checks/workspace.js";
import type { CoChangeRuleFile, RuleFile } from "../config/rule-file-types.js";
import { globMatcher } from "../repo/glob.js";
import type { ProofContext } from "./prove-context.js";
import type { Candidate, ExpectedHit, Proof } from "./types.js";

/** A proof, with why it could not run when the candidate itself is broken (an invalid pattern). */
export interface ProofResult extends Proof {
  error?: string;
}

/** How many HEAD hits a proof keeps to show a person why a candidate was narrowed. */
const SHOWN_HITS = 5;

/**
 * Runs one candidate, alone, through its kind on the real revisions (LEARN.md §4):
 * 1. the bad revision's touched files: it must report every expected hit (the removed lines);
 * 2. the good revision's touched files: quiet;
 * 3. HEAD, the whole committed tree: quiet.
 * A co-change candidate is judged on changes instead: the bad commit's own change must fire,
 * the change from before it to the fix must not.
 * Returns the proof, and every file HEAD fires on (for ignore globs, narrow.ts).
 */
export async function proveInDetail(candidate: Candidate, context: ProofContext, options: { headOnly?: boolean } = {}): Promise<{ proof: ProofResult; headFiles: string[] }> {
  const spec = context.specOf(candidate.rule);
  try {
    if (options.headOnly) {
      // A direct rule: its own bad example stands for the mistake (direct.ts keeps only one that fires).
      const head = await findings(spec, context.workspace("head"));
      const firesAtMistake = candidate.rule.examples.bad.length > 0;
      const proof = { bad: 0, firesAtMistake, good: 0, head: head.length, headHits: hitsOf(head), passed: firesAtMistake && head.length === 0 };
      return { proof, headFiles: [...new Set(head.map((finding) => finding.file))] };
    }
    if (spec.kind === "co-change") return { proof: await proveChange(spec, candidate, context), headFiles: [] };
    const touchedBad = context.touchedBad;
    const touchedGood = context.touchedGood;
    const bad = (await findings(spec, context.workspace("bad"))).filter((finding) => touchedBad.has(finding.file));
    const head = await findings(spec, context.workspace("head"));
    const goodSide = context.goodIsHead() ? head : await findings(spec, context.workspace("good"));
    const good = goodSide.filter((finding) => touchedGood.has(finding.file));
    const firesAtMistake = candidate.expect.length > 0 ? candidate.expect.every((hit) => bad.some((finding) => covers(finding, hit))) : bad.length > 0;
    const proof = { bad: bad.length, firesAtMistake, good: good.length, head: head.length, headHits: hitsOf(head), passed: firesAtMistake && good.length === 0 && head.length === 0 };
    return { proof, headFiles: [...new Set(head.map((finding) => finding.file))] };
  } catch (error) {
    const proof = { bad: 0, firesAtMistake: false, good: 0, head: 0, headHits: [], passed: false, error: (error as Error).message.split("\n")[0]! };
    return { proof, headFiles: [] };
  }
}

async function proveChange(spec: CoChangeRuleFile, candidate: Candidate, context: ProofContext): Promise<ProofResult> {
  const rev = context.evidence.good;
  // Without the agent's own commit (a `--diff`), the mistake is the fix's change without its companions.
  const companion = globMatcher(spec.then);
  const badFiles = context.coChangeFiles("bad") ?? new Set([...context.touchedBad, ...context.touchedGood].filter((file) => !companion(file)));
  const goodFiles = context.coChangeFiles("good") ?? context.touchedGood;
  const bad = await findings(spec, context.changeWorkspace(badFiles, context.evidence.bad));
  const good = await findings(spec, context.changeWorkspace(goodFiles, rev));
  const firesAtMistake = bad.length > 0 && candidate.expect.every((hit) => bad.some((finding) => finding.file === hit.file));
  // A whole-tree run has no change, so HEAD cannot fire: the good change is what proves it quiet.
  return { bad: bad.length, firesAtMistake, good: good.length, head: 0, headHits: [], passed: firesAtMistake && good.length === 0 };
}

async function findings(spec: RuleFile, workspace: Workspace): Promise<KindFinding[]> {
  const found: KindFinding[] = [];
  await kindOf(spec).check({ spec, workspace, report: (finding) => found.push(finding) });
  return found;
}

/** A finding covers an expected hit when it is in the same file and its lines include the hit's line. */
function covers(finding: KindFinding, hit: ExpectedHit): boolean {
  const line = finding.line ?? 1;
  return finding.file === hit.file && line <= hit.line && hit.line <= Math.max(line, finding.endLine ?? line);
}

function hitsOf(head: readonly KindFinding[]): string[] {
  return [...head]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 1) - (b.line ?? 1)))
    .slice(0, SHOWN_HITS)
    .map((finding) => `${finding.file}:${finding.line ?? 1}`);
}
