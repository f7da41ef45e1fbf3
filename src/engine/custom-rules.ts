import { ruleFromFile } from "../checks/custom/from-file.js";
import type { Rule } from "../checks/rule.js";
import { loadRuleFiles } from "../config/rule-files.js";
import type { ResolvedConfig } from "../config/types.js";

/** The repo's own rules, from the rule files under `ruleDirs`. */
export function customRules(config: ResolvedConfig): Rule[] {
  return loadRuleFiles(config.root, config.ruleDirs).map(ruleFromFile);
}
