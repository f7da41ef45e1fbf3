import { instructionContext } from "../../context/context.js";
import { isUsageError } from "../../core/errors.js";
import { packageVersion } from "../../core/package-root.js";
import { check } from "../../engine/check.js";
import { explainRule, ruleRows } from "../../engine/rule-info.js";
import { learnInput, type LearnForm } from "../../learn/input.js";
import { applyProposal, planJson, planLearning } from "../../learn/learn.js";
import { formatAgent } from "../../report/agent.js";
import { formatContextText } from "../../report/context-text.js";
import { formatJson } from "../../report/json.js";
import type { ConfigMemo } from "./config-memo.js";

export interface ToolResult {
  [key: string]: unknown;
  content: { type: "text"; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** What every tool works on: the server's root and its kept config. */
export interface ToolContext {
  root: string;
  memo: ConfigMemo;
  /** The call before this one: calls run one at a time (a check owns the lexer thread and the caches while it runs). */
  previous?: Promise<unknown>;
}

/**
 * A tool's answer, or the error as a tool error (isError) with the message `guard` prints:
 * the agent reads it and can correct its call; the server goes on. A client may send calls
 * concurrently; each waits for the one before it.
 */
export function answer(context: ToolContext, run: () => Promise<ToolResult> | ToolResult): Promise<ToolResult> {
  const result = (context.previous ?? Promise.resolve()).then(() => answerNow(run));
  context.previous = result;
  return result;
}

async function answerNow(run: () => Promise<ToolResult> | ToolResult): Promise<ToolResult> {
  try {
    const result = await run();
    return { ...result, isError: result.isError ?? false };
  } catch (error) {
    const text = isUsageError(error) ? error.format() : `internal error: ${(error as Error).message}`;
    return { content: [{ type: "text", text }], isError: true };
  }
}

/** guard_check: the engine's check; structured = JSON v1 exactly as `--format json`, text = the agent format. */
export async function guardCheck(context: ToolContext, args: { paths?: string[]; staged?: boolean; only?: string[] }): Promise<ToolResult> {
  const resolved = context.memo.get();
  const result = await check({ cwd: context.root, paths: args.paths, staged: args.staged, only: args.only?.length ? args.only : undefined, resolved });
  const command = ["guard check", ...(args.staged ? ["--staged"] : []), ...(args.only?.length ? [`--only ${args.only.join(",")}`] : []), "--format agent", ...(args.paths ?? [])].join(" ");
  const report = { toolVersion: packageVersion(), color: false, command };
  return {
    content: [{ type: "text", text: formatAgent(result, report) }],
    structuredContent: JSON.parse(formatJson(result, report)) as Record<string, unknown>,
  };
}

export function guardExplain(context: ToolContext, args: { rule: string }): ToolResult {
  return { content: [{ type: "text", text: explainRule(args.rule, () => context.memo.get()) }] };
}

export function guardRules(context: ToolContext): ToolResult {
  const structured = { version: 1, rules: ruleRows(context.memo.get()) };
  return { content: [{ type: "text", text: JSON.stringify(structured, null, 2) }], structuredContent: structured };
}

export function guardContext(context: ToolContext, args: { path: string }): ToolResult {
  const report = instructionContext({ cwd: context.root, path: args.path, resolved: context.memo.get().config });
  return { content: [{ type: "text", text: formatContextText(report) }], structuredContent: { ...report } };
}

/** guard_learn: the proposals as `guard learn --dry-run` prints them; with `write`, the best one written and tested. */
export async function guardLearn(context: ToolContext, args: LearnForm & { write?: boolean; note?: boolean }): Promise<ToolResult> {
  const input = learnInput({ ...args, ...(args.diff !== undefined ? { diffLabel: "the diff given to guard_learn" } : {}) }, (text) => text);
  const plan = await planLearning({ cwd: context.root, input, message: args.message, fix: args.fix });
  const proposed = planJson(plan);
  const warnings = (plan.warnings ?? []).map((warning) => `note: ${warning}\n`).join("");
  if (plan.proposals.length === 0) {
    return { content: [{ type: "text", text: `${warnings}no rule could be proven: ${plan.reason ?? "no candidate passed"}` }], structuredContent: proposed };
  }
  const best = plan.proposals[0]!;
  if (!args.write) {
    const list = plan.proposals.map((tried, index) => `${index + 1}. ${tried.candidate.rule.id}: ${tried.candidate.label}`).join("\n");
    return { content: [{ type: "text", text: `${warnings}dry run, nothing written; proven rules (best first):\n${list}\ncall guard_learn again with write: true to write the first` }], structuredContent: proposed };
  }
  const applied = await applyProposal(plan, best, { cwd: context.root, note: args.note });
  const written = { id: applied.written.id, source: applied.written.source, rulesTest: applied.verify.summary, ...(applied.note ? { lesson: applied.note.file } : {}) };
  if (!applied.verify.passed) {
    return { content: [{ type: "text", text: `the new rule failed its own examples, so ${applied.written.source} was removed: ${applied.verify.summary}\n${applied.verify.failures.join("\n")}` }], isError: true };
  }
  return { content: [{ type: "text", text: `${warnings}wrote ${written.source} (${written.id}); rules test: ${written.rulesTest}` }], structuredContent: { ...proposed, written } };
}
