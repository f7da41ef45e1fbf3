import { ruleFromFile } from "../checks/custom/from-file.js";
import type { Rule } from "../checks/rule.js";
import type { RuleFile } from "../config/rule-file-types.js";

/** The repo's own rules, one per rule file under `ruleDirs`. */
export function customRules(ruleFiles: readonly RuleFile[]): Rule[] {
  return ruleFiles.map(ruleFromFile);
}
