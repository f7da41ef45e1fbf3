import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { UsageError } from "../../core/errors.js";
import { learnInput, type LearnForm } from "../../learn/input.js";
import { applyProposal, planJson, planLearning, type LearnPlan, type Tried } from "../../learn/learn.js";
import type { Io } from "../io.js";

/** The learn inputs (shared with the MCP tool guard_learn), plus what only the CLI asks. */
export interface LearnFlags extends Omit<LearnForm, "diffLabel"> {
  dryRun?: boolean;
  yes?: boolean;
  note?: boolean;
  config?: string;
}

/**
 * `guard learn`: turns an observed mistake into a rule proven on the real revisions (SPEC §6).
 * Exit 0 when a rule was written (or, with --dry-run, proposed), 1 when nothing could be
 * proven or the new file failed its own test, 2 for usage errors.
 */
export async function runLearn(flags: LearnFlags, io: Io): Promise<number> {
  const input = learnInput(flags, (file) => readDiff(file, io));
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!flags.dryRun && !flags.yes && !interactive) {
    throw new UsageError("guard learn needs --yes or --dry-run when it cannot ask (stdin is not a terminal)", {
      expected: "--yes to write the best proven rule, or --dry-run to print the proposals as JSON",
    });
  }
  const plan = await planLearning({ cwd: io.cwd, config: flags.config, input, message: flags.message, fix: flags.fix });
  for (const warning of plan.warnings ?? []) io.stderr(`guard learn: note: ${warning}\n`);
  if (flags.dryRun) {
    io.stdout(`${JSON.stringify(planJson(plan), null, 2)}\n`);
    return plan.proposals.length > 0 ? 0 : 1;
  }
  if (plan.proposals.length === 0) {
    io.stderr(nothingProven(plan));
    return 1;
  }
  const chosen = flags.yes ? plan.proposals[0] : await choose(plan.proposals, io);
  if (!chosen) {
    io.stderr("guard learn: nothing written\n");
    return 1;
  }
  const applied = await applyProposal(plan, chosen, { cwd: io.cwd, config: flags.config, note: flags.note });
  const lines = [`learned ${applied.written.id}: ${chosen.candidate.label}`, `  proof: ${proofLine(chosen)}`];
  if (!applied.verify.passed) {
    io.stderr(`${lines.join("\n")}\nguard learn: the new rule failed its own examples, so ${applied.written.source} was removed: ${applied.verify.summary}\n${applied.verify.failures.map((line) => `  ${line}`).join("\n")}\n`);
    return 1;
  }
  lines.push(`wrote ${applied.written.source}`, `rules test: ${applied.verify.summary}`);
  if (applied.note) lines.push(`lesson added to ${applied.note.file}`);
  if (applied.noteError) io.stderr(`guard learn: ${applied.noteError}\n`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

function readDiff(file: string, io: Io): string {
  try {
    return readFileSync(file === "-" ? 0 : resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the diff ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { expected: "a unified diff file, or - for stdin" });
  }
}

export function proofLine({ candidate, proof }: Tried): string {
  if (proof.error) return `could not run: ${proof.error}`;
  const head = proof.head === 0 ? "quiet on HEAD" : `${proof.head} on HEAD (${proof.headHits.join(", ")})`;
  if (candidate.expect.length === 0 && candidate.label.startsWith("direct:")) return `${proof.firesAtMistake ? "its example fires" : "its example does not fire"}; ${head}`;
  const places = candidate.expect.map((hit) => `${hit.file}:${hit.line}`).join(", ") || "the mistake";
  const bad = `${proof.firesAtMistake ? "fires at" : "misses"} ${places} (${proof.bad} on the bad side)`;
  const good = proof.good === 0 ? "quiet on the fix" : `${proof.good} on the fix`;
  return `${bad}; ${good}; ${head}`;
}

function nothingProven(plan: LearnPlan): string {
  const lines = [`guard learn: no rule could be proven: ${plan.reason ?? "no candidate passed"}`];
  if (plan.tried.length > 0) lines.push("candidates tried:");
  for (const tried of plan.tried) lines.push(`  ${tried.candidate.label}`, `    ${proofLine(tried)}`);
  return `${lines.join("\n")}\n`;
}

/** On a terminal without --yes: a short numbered list; Enter takes the first. */
async function choose(proposals: readonly Tried[], io: Io): Promise<Tried | undefined> {
  io.stderr("proven rules (best first):\n");
  proposals.forEach((tried, index) => io.stderr(`  ${index + 1}. ${tried.candidate.rule.id}: ${tried.candidate.label}\n     ${proofLine(tried)}\n`));
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await prompt.question(`write which? [1-${proposals.length}, Enter = 1, q = none] `)).trim();
    if (answer === "") return proposals[0];
    const index = Number(answer);
    return Number.isInteger(index) && index >= 1 && index <= proposals.length ? proposals[index - 1] : undefined;
  } finally {
    prompt.close();
  }
}
