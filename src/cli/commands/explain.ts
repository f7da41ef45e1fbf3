import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../../checks/registry.js";
import type { RuleFile } from "../../config/rule-file-types.js";
import { UsageError } from "../../core/errors.js";
import { packageRoot } from "../../core/package-root.js";
import { didYouMean } from "../../core/suggest.js";
import { resolveConfigAndRuleFiles } from "../../engine/resolve-config.js";
import { describeExample } from "../../engine/rules-test.js";
import type { Io } from "../io.js";

/** `guard explain <id>`: prints a built-in rule's doc page, or what a repo rule file says. */
export function runExplain(id: string, io: Io): number {
  const ids = allRules.map((rule) => rule.meta.id);
  if (ids.includes(id)) {
    const page = join(packageRoot(), "rules", `${id}.md`);
    if (!existsSync(page)) throw new UsageError(`no doc page for ${id} (expected rules/${id}.md)`);
    io.stdout(readFileSync(page, "utf8"));
    return 0;
  }
  // Only an id that is not built in needs the repo: its config and rule files.
  const { ruleFiles } = resolveConfigAndRuleFiles(io.cwd);
  const spec = ruleFiles.find((rule) => rule.id === id);
  if (!spec) {
    throw new UsageError(`unknown rule "${id}"`, {
      expected: "a rule id such as docs/dead-link, or the id of a rule file under ruleDirs",
      suggestion: didYouMean(id, [...ids, ...ruleFiles.map((rule) => rule.id)]) ?? "run `guard rules list` to see every rule id",
    });
  }
  io.stdout(explainRuleFile(spec));
  return 0;
}

/** The rule file as a short page, in the shape of a built-in rule's doc. */
function explainRuleFile(spec: RuleFile): string {
  const parts = [`# ${spec.id}`, "", spec.message.trim(), "", `Kind: ${spec.kind}. Default severity: ${spec.severity}. Defined in ${spec.source}.`];
  if (spec.why) parts.push("", "## Why", "", spec.why.trim());
  const list = (examples: RuleFile["examples"]["bad"]) => examples.map((example) => `- ${describeExample(example)}`);
  if (spec.examples.bad.length) parts.push("", "## Bad", "", ...list(spec.examples.bad));
  if (spec.examples.good.length) parts.push("", "## Good", "", ...list(spec.examples.good));
  parts.push("", "## Fix", "", spec.fix.trim());
  return `${parts.join("\n")}\n`;
}
