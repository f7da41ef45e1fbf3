import type { RuleFile } from "./rule-file-types.js";

/**
 * Loads every `.yaml`/`.yml` file under the repo's `ruleDirs` (SPEC §4): one rule a file, id
 * from the path. A malformed file throws a UsageError with `file:line:col` (exit 2).
 * PLACEHOLDER: implemented by the rule-files work.
 */
export function loadRuleFiles(_root: string, _ruleDirs: readonly string[]): RuleFile[] {
  return [];
}
