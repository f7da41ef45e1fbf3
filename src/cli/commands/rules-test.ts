import { testRules, type RulesTestResult } from "../../engine/rules-test.js";
import type { Io } from "../io.js";

export interface RulesTestFlags {
  format: string;
  config?: string;
}

/**
 * `guard rules test [rules...]`: runs the examples of every rule file (or of the given ids or
 * paths). Exit 1 when a bad example stays quiet or a good one fires; a rule without examples
 * is reported but does not fail the run.
 */
export async function runRulesTest(ids: string[], flags: RulesTestFlags, io: Io): Promise<number> {
  const result = await testRules({ cwd: io.cwd, config: flags.config, rules: ids });
  io.stdout(flags.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatText(result));
  return result.summary.failed > 0 ? 1 : 0;
}

function formatText(result: RulesTestResult): string {
  const lines: string[] = [];
  for (const rule of result.rules) {
    if (rule.examples.length === 0) {
      lines.push(`warn  ${rule.id}  ${rule.source}: no examples, so nothing proves it fires (add examples.bad and examples.good)`);
      continue;
    }
    const failed = rule.examples.filter((example) => !example.passed);
    if (failed.length === 0) {
      lines.push(`ok    ${rule.id}  ${count(rule.examples.length, "example")}`);
      continue;
    }
    for (const example of failed) {
      const what = example.kind === "bad" ? "bad example did not fire" : "good example fired";
      lines.push(`FAIL  ${rule.id}  ${rule.source}:${example.line}:${example.column}  ${what}: ${example.example}`);
      lines.push(`      ${example.detail}`);
    }
  }
  const { rules, examples, passed, failed, withoutExamples } = result.summary;
  const untested = withoutExamples ? `, ${count(withoutExamples, "rule")} without examples` : "";
  const outcome = failed ? `${failed} failed` : "all passed";
  lines.push("", `${count(rules, "rule")}, ${passed}/${count(examples, "example")} passed (${outcome})${untested}`);
  return `${lines.join("\n")}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
