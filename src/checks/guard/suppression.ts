import { posix } from "node:path";
import { closest } from "../../core/suggest.js";
import { defineRule, type RuleContext } from "../rule.js";
import { suppressionsOf, type Suppression } from "../shared/map-suppressions.js";
import type { Workspace } from "../workspace.js";

export default defineRule({
  meta: {
    id: "guard/suppression",
    description: "A guard-ignore comment gives no reason.",
    severity: "error",
    messages: {
      noReason: "`{directive} {rules}` gives no reason; a suppression must say why after `--`",
      noRule: "`{directive}` names no rule to silence",
      unknownRule: "`{directive}` names `{rule}`, which is not a rule id",
      misspelledRule: "`{directive}` names `{rule}`, which is not a rule id; did you mean `{suggestion}`?",
    },
    fix: {
      noReason:
        "Fix the finding and delete the comment, or add why it is acceptable here after `--`: `<!-- {directive} {rules} -- <reason> -->`.",
      noRule: "Name the rule to silence, `<!-- {directive} <rule-id> -- <reason> -->`, or delete the comment.",
      unknownRule: "Replace `{rule}` with a rule id that `guard rules list` shows, or delete the comment.",
      misspelledRule: "Replace `{rule}` with `{suggestion}` in the comment.",
    },
  },
  async check({ config, workspace, report }) {
    const known = await knownRuleIds(workspace, config.ruleDirs);
    for (const file of workspace.markdownFiles()) {
      // Cheap text test first: only files that mention guard-ignore are parsed.
      if (!workspace.repo.readText(file)?.includes("guard-ignore")) continue;
      const doc = workspace.markdown(file);
      if (!doc) continue;
      for (const suppression of suppressionsOf(doc)) checkOne(suppression, known, report);
    }
  },
});

type Report = RuleContext["report"];

function checkOne(suppression: Suppression, known: string[], report: Report): void {
  const { file, directive, rules } = suppression;
  const at = { file, line: suppression.line, column: suppression.column, endLine: suppression.endLine, endColumn: suppression.endColumn };
  if (rules.length === 0) {
    report({ ...at, messageId: "noRule", data: { directive }, evidence: { directive } });
    return;
  }
  if (suppression.reason === "") {
    report({ ...at, messageId: "noReason", data: { directive, rules: rules.join(", ") }, evidence: { directive, rules } });
  }
  for (const rule of rules) {
    if (known.includes(rule)) continue;
    const suggestion = closest(rule, known);
    report({
      ...at,
      messageId: suggestion ? "misspelledRule" : "unknownRule",
      data: { directive, rule, suggestion: suggestion ?? "" },
      evidence: { directive, rule },
    });
  }
}

/** Built-in rule ids and the repo's own rule files (`.guard/rules/learned/x.yaml` → `learned/x`). */
async function knownRuleIds(workspace: Workspace, ruleDirs: readonly string[]): Promise<string[]> {
  // Loaded lazily: the registry imports this rule, so a static import would be a cycle.
  const { allRules } = await import("../registry.js");
  const ids = allRules.map((rule) => rule.meta.id);
  for (const dir of ruleDirs) {
    const folder = dir.replace(/^\.\//, "").replace(/\/+$/, "");
    for (const file of workspace.repo.glob([`${folder}/**/*.yaml`, `${folder}/**/*.yml`])) {
      ids.push(posix.relative(folder, file).replace(/\.ya?ml$/, ""));
    }
  }
  return ids;
}
