import { explainRule } from "../../engine/rule-info.js";
import { resolveConfigAndRuleFiles } from "../../engine/resolve-config.js";
import type { Io } from "../io.js";

/** `guard explain <id>`: prints a built-in rule's doc page, or what a repo rule file says. */
export function runExplain(id: string, io: Io): number {
  io.stdout(explainRule(id, () => resolveConfigAndRuleFiles(io.cwd)));
  return 0;
}
