import type { RuleFile } from "../../config/rule-file-types.js";
import type { Rule } from "../rule.js";

/**
 * Turns a loaded rule file into a Rule the engine runs like a built-in one: severity from the
 * file (guard.yaml `rules:` may override), message and fix from the file, docs = the file.
 * PLACEHOLDER: implemented by the rule-files work.
 */
export function ruleFromFile(_spec: RuleFile): Rule {
  throw new Error("rule files are not implemented yet");
}
