import type { RuleFile } from "../config/rule-file-types.js";
import type { DraftRule } from "./types.js";

/** Where a learned rule file lives: its id (`learned/no-x`) under the first rule dir. */
export function ruleSource(ruleDir: string, id: string): string {
  return `${ruleDir.replace(/^\.\//, "").replace(/\/+$/, "")}/${id}.yaml`;
}

/** The rule file a draft would be once written: what the kind implementations run. */
export function toRuleFile(draft: DraftRule, source: string): RuleFile {
  return { ...draft, source, globs: [] } as RuleFile;
}
