import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../checks/registry.js";
import { docsOf, type Rule } from "../checks/rule.js";
import type { RuleFile } from "../config/rule-file-types.js";
import { UsageError } from "../core/errors.js";
import { packageRoot } from "../core/package-root.js";
import { didYouMean } from "../core/suggest.js";
import { customRules } from "./custom-rules.js";
import type { ResolvedConfigAndRules } from "./resolve-config.js";
import { describeExample } from "./rules-test.js";

/** One row of `guard rules list` (and the MCP tool guard_rules). */
export interface RuleRow {
  id: string;
  kind: string;
  severity: string;
  source: string;
  description: string;
}

/** Every rule, built in and from rule files, with its severity in this repo (after guard.yaml). */
export function ruleRows({ config, ruleFiles }: ResolvedConfigAndRules): RuleRow[] {
  const rules: Rule[] = [...allRules, ...customRules(ruleFiles)];
  return rules.map((rule) => ({
    id: rule.meta.id,
    kind: rule.meta.origin?.kind ?? "built-in",
    severity: config.rules[rule.meta.id]?.severity ?? rule.meta.severity,
    source: docsOf(rule.meta),
    description: rule.meta.description,
  }));
}

/**
 * A built-in rule's doc page, or what a repo rule file says, as `guard explain` prints it.
 * `repo` is asked for only when the id is not built in (a rule file's id needs the repo's config).
 */
export function explainRule(id: string, repo: () => ResolvedConfigAndRules): string {
  const ids = allRules.map((rule) => rule.meta.id);
  if (ids.includes(id)) {
    const page = join(packageRoot(), "rules", `${id}.md`);
    if (!existsSync(page)) throw new UsageError(`no doc page for ${id} (expected rules/${id}.md)`);
    return readFileSync(page, "utf8");
  }
  const { ruleFiles } = repo();
  const spec = ruleFiles.find((rule) => rule.id === id);
  if (!spec) {
    throw new UsageError(`unknown rule "${id}"`, {
      expected: "a rule id such as docs/dead-link, or the id of a rule file under ruleDirs",
      suggestion: didYouMean(id, [...ids, ...ruleFiles.map((rule) => rule.id)]) ?? "run `guard rules list` to see every rule id",
    });
  }
  return explainRuleFile(spec);
}

/** The rule file as a short page, in the shape of a built-in rule's doc. */
function explainRuleFile(spec: RuleFile): string {
  const parts = [`# ${spec.id}`, "", spec.message.trim(), "", `Kind: ${spec.kind}. Default severity: ${spec.severity}. Defined in ${spec.preset ? `the guard package's ${spec.source} (the ${spec.preset} preset)` : spec.source}.`];
  if (spec.why) parts.push("", "## Why", "", spec.why.trim());
  const list = (examples: RuleFile["examples"]["bad"]) => examples.map((example) => `- ${describeExample(example)}`);
  if (spec.examples.bad.length) parts.push("", "## Bad", "", ...list(spec.examples.bad));
  if (spec.examples.good.length) parts.push("", "## Good", "", ...list(spec.examples.good));
  parts.push("", "## Fix", "", spec.fix.trim());
  return `${parts.join("\n")}\n`;
}
