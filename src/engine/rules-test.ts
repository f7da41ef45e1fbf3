import { relative, resolve } from "node:path";
import { kindOf } from "../checks/custom/kinds.js";
import type { RuleExample, RuleFile } from "../config/rule-file-types.js";
import { isUsageError, UsageError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";
import { resolveConfigAndRuleFiles } from "./resolve-config.js";

export interface ExampleResult {
  kind: "bad" | "good";
  /** Where the example is written in the rule file. */
  line: number;
  column: number;
  /** The example, in one line. */
  example: string;
  passed: boolean;
  /** What happened when it ran (the kind's account: "matched `x` at 1:3", "no match"). */
  detail: string;
}

export interface RuleTestResult {
  id: string;
  source: string;
  examples: ExampleResult[];
}

export interface RulesTestResult {
  version: 1;
  rules: RuleTestResult[];
  summary: { rules: number; examples: number; passed: number; failed: number; withoutExamples: number };
}

export interface RulesTestOptions {
  cwd?: string;
  config?: string;
  /** Rule ids or rule-file paths (relative to cwd); all rule files when empty. */
  rules?: string[];
}

/** `guard rules test`: every bad example must fire, every good one must stay quiet. */
export async function testRules(options: RulesTestOptions = {}): Promise<RulesTestResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { config, ruleFiles } = resolveConfigAndRuleFiles(cwd, options.config);
  const chosen = choose(ruleFiles, options.rules ?? [], (path) => relative(config.root, resolve(cwd, path)).split("\\").join("/"));
  const rules: RuleTestResult[] = [];
  for (const spec of chosen) {
    const examples: ExampleResult[] = [];
    for (const kind of ["bad", "good"] as const) {
      for (const example of spec.examples[kind]) examples.push(await runOne(spec, kind, example));
    }
    rules.push({ id: spec.id, source: spec.source, examples });
  }
  const all = rules.flatMap((rule) => rule.examples);
  const passed = all.filter((example) => example.passed).length;
  return {
    version: 1,
    rules,
    summary: {
      rules: rules.length,
      examples: all.length,
      passed,
      failed: all.length - passed,
      withoutExamples: rules.filter((rule) => rule.examples.length === 0).length,
    },
  };
}

async function runOne(spec: RuleFile, kind: "bad" | "good", example: RuleExample): Promise<ExampleResult> {
  const place = { kind, line: example.line, column: example.column, example: describeExample(example) };
  try {
    const outcome = await kindOf(spec).runExample(spec, example);
    return { ...place, passed: outcome.fired === (kind === "bad"), detail: outcome.detail };
  } catch (error) {
    // A bad rule (an invalid ast-grep pattern) is a usage error; anything else fails this example, visibly.
    if (isUsageError(error)) throw error;
    return { ...place, passed: false, detail: `the example could not run: ${(error as Error).message}` };
  }
}

/** The rules named on the command line, by id or by rule-file path; every rule file when none. */
function choose(ruleFiles: readonly RuleFile[], wanted: readonly string[], toSource: (path: string) => string): RuleFile[] {
  if (wanted.length === 0) return [...ruleFiles];
  const chosen = new Set<RuleFile>();
  for (const entry of wanted) {
    const source = toSource(entry);
    const found = ruleFiles.filter((rule) => rule.id === entry || rule.source === source || rule.id.startsWith(`${entry.replace(/\/+$/, "")}/`));
    if (found.length === 0) {
      throw new UsageError(`no rule file "${entry}"`, {
        expected: "a rule-file id (learned/no-moment), a family of them (learned), or the path of a rule file",
        suggestion: didYouMean(entry, ruleFiles.map((rule) => rule.id)) ?? "run `guard rules list` to see the rule files",
      });
    }
    found.forEach((rule) => chosen.add(rule));
  }
  return ruleFiles.filter((rule) => chosen.has(rule));
}

/** One line: the snippet, the path, `file -> import`, the changed paths, or `before → after` texts. */
export function describeExample(example: RuleExample): string {
  let text: string;
  if (example.changed) text = example.changed.join(", ");
  else if (example.before !== undefined || example.after !== undefined) text = `${sideText(example.before, "(new file)")} → ${sideText(example.after, "(deleted)")}`;
  else if (example.import !== undefined) text = `${example.file} -> ${example.import}`;
  else if (example.code !== undefined) text = example.file ? `${example.file}: ${example.code}` : example.code;
  else text = example.file ?? "";
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** One side of a `{ before, after }` example: the text as a JSON string (newlines visible), or what its absence means. */
function sideText(text: string | undefined, absent: string): string {
  if (text === undefined) return absent;
  const shown = JSON.stringify(text);
  return shown.length > 48 ? `${shown.slice(0, 47)}…"` : shown;
}
