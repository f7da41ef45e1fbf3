import type { ResolvedConfig } from "../config/types.js";
import { resolveConfig } from "../engine/resolve-config.js";
import { directCandidate, type DirectInput } from "./direct.js";
import { readEvidence, type EvidenceInput } from "./evidence.js";
import { extractCandidates, whyNothing as nothingExtracted } from "./extract.js";
import { withIgnores } from "./narrow.js";
import { addLesson, type NoteResult } from "./note.js";
import { proveInDetail, type ProofResult } from "./prove.js";
import { ProofContext } from "./prove-context.js";
import { ruleYamlObject } from "./rule-yaml.js";
import type { Candidate, DraftRule, Evidence } from "./types.js";
import { verifyWrittenRule, type VerifyResult } from "./verify.js";
import { writeRuleFile, type WrittenRule } from "./write.js";

export type LearnInput = EvidenceInput | { direct: DirectInput };

export interface LearnOptions {
  cwd: string;
  config?: string;
  input: LearnInput;
  /** Replace the learned rule's message and fix (required for the direct forms). */
  message?: string;
  fix?: string;
}

/** A candidate with what it did on the real revisions. */
export interface Tried {
  candidate: Candidate;
  proof: ProofResult;
}

export interface LearnPlan {
  config: ResolvedConfig;
  evidence: Evidence | undefined;
  /** The first candidate of each kind that passed, best kind first. */
  proposals: Tried[];
  /** Every candidate that was proven, in order. */
  tried: Tried[];
  /** Why nothing was proposed, when nothing was. */
  reason?: string;
  /** Worth knowing but no failure (a direct rule's glob that matches no file yet). */
  warnings?: string[];
}

/**
 * Reads the evidence, extracts candidates, proves them (LEARN.md §2–4) and returns the
 * proposals, one per removed thing, best first; nothing is written. Within a group, candidates
 * are tried from the most general down; a general one that fires at HEAD only in test or
 * tooling areas is retried with `ignore` globs for them before the next, narrower one.
 */
export async function planLearning(options: LearnOptions): Promise<LearnPlan> {
  const config = resolveConfig(options.cwd, options.config);
  if ("direct" in options.input) return planDirect(config, options.input.direct, options);
  const evidence = readEvidence(config.root, options.input);
  const candidates = (await extractCandidates(evidence, config)).map((candidate) => overridden(candidate, options));
  const context = new ProofContext(config.root, config, evidence);
  context.prepare(candidates.map((candidate) => context.specOf(candidate.rule)));
  const tried: Tried[] = [];
  const proposals: Tried[] = [];
  for (const group of byGroup(candidates)) {
    for (const candidate of group) {
      const passed = await proveOne(candidate, context, tried);
      if (passed) {
        proposals.push(passed);
        break;
      }
    }
  }
  const plan: LearnPlan = { config, evidence, proposals, tried };
  if (proposals.length === 0) plan.reason = candidates.length === 0 ? await nothingExtracted(evidence, config) : whyNothing(tried);
  return plan;
}

async function proveOne(candidate: Candidate, context: ProofContext, tried: Tried[]): Promise<Tried | undefined> {
  const { proof, headFiles } = await proveInDetail(candidate, context);
  tried.push({ candidate, proof });
  if (proof.passed) return { candidate, proof };
  if (!proof.firesAtMistake || proof.good > 0 || proof.head === 0) return undefined;
  const protectedFiles = candidate.expect.length > 0 ? candidate.expect.map((hit) => hit.file) : [...context.touchedBad];
  const narrowed = withIgnores(candidate, headFiles, protectedFiles);
  if (!narrowed) return undefined;
  const retry = (await proveInDetail(narrowed, context)).proof;
  tried.push({ candidate: narrowed, proof: retry });
  return retry.passed ? { candidate: narrowed, proof: retry } : undefined;
}

/** A direct rule is proven on HEAD only: its own example must fire, and HEAD must be quiet. */
async function planDirect(config: ResolvedConfig, input: DirectInput, options: LearnOptions): Promise<LearnPlan> {
  const date = today();
  const candidate = await directCandidate(input, { message: options.message ?? "", fix: options.fix ?? "", date });
  const evidence: Evidence = { bad: "HEAD", good: "HEAD", label: "HEAD", date, files: [] };
  const context = new ProofContext(config.root, config, evidence);
  const spec = context.specOf(candidate.rule);
  context.prepare([spec]);
  const { proof } = await proveInDetail({ ...candidate, expect: [] }, context, { headOnly: true });
  const tried = [{ candidate, proof }];
  const head = context.workspace("head").repo;
  const globs = input.form === "pattern" ? (input.in === undefined ? [] : [input.in]) : input.form === "place" ? [input.place, input.in] : [input.in];
  const warnings = globs
    .filter((glob) => head.glob([glob]).length === 0)
    .map((glob) => `\`${glob}\` matches no committed file yet, so guard/dead-glob will warn about it until one exists`);
  if (proof.passed) return { config, evidence: undefined, proposals: tried, tried, warnings };
  const reason = proof.error ?? `the rule already fires ${proof.head} time${proof.head === 1 ? "" : "s"} on HEAD (${proof.headHits.join(", ")}): fix those places first, or narrow it with --in`;
  return { config, evidence: undefined, proposals: [], tried, reason };
}

/**
 * Candidates by what they describe: one group per removed thing (a node, an import, a move),
 * told apart by kind and the places the bad side must fire at. Groups keep the order in which
 * extraction ranked them; within a group the most general candidate comes first.
 */
function byGroup(candidates: readonly Candidate[]): Candidate[][] {
  const groups = new Map<string, { candidate: Candidate; index: number }[]>();
  candidates.forEach((candidate, index) => {
    const key = `${candidate.kind}\0${candidate.expect.map((hit) => `${hit.file}:${hit.line}`).join(",")}`;
    groups.set(key, [...(groups.get(key) ?? []), { candidate, index }]);
  });
  return [...groups.values()].map((group) =>
    group.sort((a, b) => a.candidate.generality - b.candidate.generality || a.index - b.index).map(({ candidate }) => candidate),
  );
}

function overridden(candidate: Candidate, options: LearnOptions): Candidate {
  if (options.message === undefined && options.fix === undefined) return candidate;
  const rule = { ...candidate.rule, message: options.message ?? candidate.rule.message, fix: options.fix ?? candidate.rule.fix } as DraftRule;
  return { ...candidate, rule };
}

function whyNothing(tried: readonly Tried[]): string {
  if (tried.every((each) => !each.proof.firesAtMistake)) return "no candidate fires at the removed lines of the bad revision";
  if (tried.every((each) => !each.proof.firesAtMistake || each.proof.good > 0)) return "every candidate that fires on the mistake also fires on the fix";
  return "every candidate that describes the mistake also fires on HEAD, outside test and tooling areas, even at its narrowest scope";
}

export function today(): string {
  const fixed = process.env.GUARD_NOW ? Date.parse(process.env.GUARD_NOW) : Number.NaN;
  return new Date(Number.isNaN(fixed) ? Date.now() : fixed).toISOString().slice(0, 10);
}

/** One proposal as `--dry-run` prints it. */
export function proposalJson(tried: Tried): Record<string, unknown> {
  const { candidate, proof } = tried;
  return { kind: candidate.kind, id: candidate.rule.id, rule: ruleYamlObject(candidate.rule), generality: candidate.generality, label: candidate.label, proof };
}

/** `--dry-run`: the proposals and every candidate tried, as JSON (version 1). */
export function planJson(plan: LearnPlan): Record<string, unknown> {
  const evidence = plan.evidence ? { bad: plan.evidence.bad, good: plan.evidence.good, label: plan.evidence.label, ...(plan.evidence.subject ? { subject: plan.evidence.subject } : {}) } : null;
  return {
    version: 1,
    evidence,
    proposals: plan.proposals.map(proposalJson),
    chosen: plan.proposals[0]?.candidate.rule.id ?? null,
    tried: plan.tried.map(({ candidate, proof }) => ({ kind: candidate.kind, id: candidate.rule.id, generality: candidate.generality, label: candidate.label, proof })),
    ...(plan.reason ? { reason: plan.reason } : {}),
  };
}

export interface Applied {
  written: WrittenRule;
  verify: VerifyResult;
  note?: NoteResult;
  noteError?: string;
}

/** Writes one proposal, runs `guard rules test` on it, and with `note` adds the lesson. */
export async function applyProposal(plan: LearnPlan, chosen: Tried, options: { cwd: string; config?: string; note?: boolean }): Promise<Applied> {
  const comment = plan.evidence
    ? "Learned by `guard learn`: fires on the mistake, quiet on the fix and on HEAD."
    : "Written by `guard learn`: quiet on HEAD when it was written.";
  const written = writeRuleFile(plan.config, chosen.candidate.rule, comment);
  const verify = await verifyWrittenRule(options.cwd, options.config, written);
  if (!verify.passed || !options.note) return { written, verify };
  const rule = { ...chosen.candidate.rule, id: written.id } as DraftRule;
  try {
    return { written, verify, note: addLesson(plan.config.root, rule, written.source) };
  } catch (error) {
    // The rule is written and tested; a lesson that cannot be added does not undo it.
    return { written, verify, noteError: (error as Error).message };
  }
}
