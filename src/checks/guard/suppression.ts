import { closest } from "../../core/suggest.js";
import { defineRule, type RuleContext } from "../rule.js";
import type { CommentSyntax, Suppression } from "../suppressions/markdown-suppressions.js";
import { suppressionIndex } from "../suppressions/suppression-index.js";
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
      noReason: "Fix the finding and delete the comment, or add why it is acceptable here after `--`: `{example}`.",
      noRule: "Name the rule to silence, `{example}`, or delete the comment.",
      unknownRule: "Replace `{rule}` with a rule id that `guard rules list` shows, or delete the comment.",
      misspelledRule: "Replace `{rule}` with `{suggestion}` in the comment.",
    },
  },
  async check({ workspace, report }) {
    const suppressions = suppressionIndex(workspace).all();
    if (suppressions.length === 0) return;
    const known = await knownRuleIds(workspace);
    for (const suppression of suppressions) checkOne(suppression, known, report);
  },
});

type Report = RuleContext["report"];

function checkOne(suppression: Suppression, known: string[], report: Report): void {
  const { file, directive, rules, syntax } = suppression;
  const at = { file, line: suppression.line, column: suppression.column, endLine: suppression.endLine, endColumn: suppression.endColumn };
  if (rules.length === 0) {
    const example = written(syntax, `${directive} <rule-id> -- <reason>`);
    report({ ...at, messageId: "noRule", data: { directive, example }, evidence: { directive } });
    return;
  }
  if (suppression.reason === "") {
    const example = written(syntax, `${directive} ${rules.join(", ")} -- <reason>`);
    report({ ...at, messageId: "noReason", data: { directive, rules: rules.join(", "), example }, evidence: { directive, rules } });
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

/** A directive as a comment of the file's language, for the fix text. */
function written(syntax: CommentSyntax, body: string): string {
  return syntax === "html" ? `<!-- ${body} -->` : syntax === "slash" ? `// ${body}` : `# ${body}`;
}

/** Built-in rule ids and the ids of the repo's rule files (`.guard/rules/learned/x.yaml` is `learned/x`). */
async function knownRuleIds(workspace: Workspace): Promise<string[]> {
  // Loaded lazily: the registry imports this rule, so a static import would be a cycle.
  const { allRules } = await import("../registry.js");
  return [...allRules.map((rule) => rule.meta.id), ...workspace.ruleFiles.map((rule) => rule.id)];
}
