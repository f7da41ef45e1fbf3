import { rmSync } from "node:fs";
import { isUsageError } from "../core/errors.js";
import { testRules, type RuleTestResult } from "../engine/rules-test.js";
import type { WrittenRule } from "./write.js";

export interface VerifyResult {
  passed: boolean;
  /** "2/2 examples passed", or what failed. */
  summary: string;
  /** Failing examples, one line each. */
  failures: string[];
}

/**
 * `guard rules test` on the new file alone. A failing rule file is deleted: learn only leaves
 * rules that prove themselves (this should never happen after a passed proof). A problem in
 * another rule file of the repo does not undo the new one; it is reported instead.
 */
export async function verifyWrittenRule(cwd: string, configFile: string | undefined, written: WrittenRule): Promise<VerifyResult> {
  let rule: RuleTestResult | undefined;
  try {
    rule = (await testRules({ cwd, config: configFile, rules: [written.source] })).rules.find((each) => each.source === written.source);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    const ours = error.where?.startsWith(`${written.source}:`) ?? false;
    if (ours) rmSync(written.path, { force: true });
    return { passed: !ours, summary: `rules test could not run: ${error.format().split("\n")[0]}`, failures: [] };
  }
  if (!rule) return { passed: true, summary: "rules test did not list the new file (is it inside ruleDirs?)", failures: [] };
  const failed = rule.examples.filter((example) => !example.passed);
  const summary = `${rule.examples.length - failed.length}/${rule.examples.length} example${rule.examples.length === 1 ? "" : "s"} passed`;
  if (failed.length === 0) return { passed: true, summary, failures: [] };
  rmSync(written.path, { force: true });
  const failures = failed.map((example) => `${example.kind} example ${example.kind === "bad" ? "did not fire" : "fired"}: ${example.example} (${example.detail})`);
  return { passed: false, summary, failures };
}
