import { describe, expect, it } from "vitest";
import { checkJson, checkRule, findingsOf, makeRepo } from "../../helpers/repo.js";

const RULE = "guard/suppression";
const maxLines = (n: number) => `agents:\n  maxLines: ${n}\ndocs:\n  maxLines: ${n}\n`;

/** Runs the given rules together, as `guard check --only a,b` does. */
function run(files: Record<string, string>, rules: string[]) {
  const report = checkJson(makeRepo(files), ["--only", rules.join(",")]);
  return Object.fromEntries(rules.map((rule) => [rule, findingsOf(report, rule)]));
}

describe("guard/suppression", () => {
  it("a suppression with a reason silences the rule on the next line, and is quiet itself", () => {
    const map = "# Map\nline 2\n<!-- guard-ignore agents/max-lines -- the command table is generated -->\nline 4\n";
    const result = run({ "guard.yaml": maxLines(3), "AGENTS.md": map }, ["agents/max-lines", RULE]);
    expect(result).toEqual({ "agents/max-lines": [], [RULE]: [] });
  });

  it("a suppression two lines above the finding does not silence it", () => {
    const map = "# Map\n<!-- guard-ignore agents/max-lines -- generated -->\nline 3\nline 4\n";
    const result = run({ "guard.yaml": maxLines(3), "AGENTS.md": map }, ["agents/max-lines", RULE]);
    expect(result["agents/max-lines"]).toHaveLength(1);
  });

  it("guard-ignore-file silences the rule anywhere in the file", () => {
    const doc = "# Doc\na\nb\nc\nd\n\n<!-- guard-ignore-file docs/max-lines, docs/orphan -- reference table, split planned -->\n";
    const result = run({ "guard.yaml": maxLines(3), "docs/big.md": doc }, ["docs/max-lines", RULE]);
    expect(result).toEqual({ "docs/max-lines": [], [RULE]: [] });
  });

  it("fires on a suppression without a reason, at the comment", () => {
    const map = "# Map\n\n  <!-- guard-ignore agents/max-lines -->\nline 4\n";
    const result = run({ "guard.yaml": maxLines(3), "AGENTS.md": map }, ["agents/max-lines", RULE]);
    expect(result[RULE]).toEqual([
      { file: "AGENTS.md", line: 3, column: 3, message: "`guard-ignore agents/max-lines` gives no reason; a suppression must say why after `--`" },
    ]);
  });

  it("fires on an empty reason after `--`, and on a comment that names no rule", () => {
    const { findings } = checkRule({ "README.md": "<!-- guard-ignore-file docs/max-lines -- -->\n\n<!-- guard-ignore -- why -->\n" }, RULE);
    expect(findings).toEqual([
      { file: "README.md", line: 1, column: 1, message: "`guard-ignore-file docs/max-lines` gives no reason; a suppression must say why after `--`" },
      { file: "README.md", line: 3, column: 1, message: "`guard-ignore` names no rule to silence" },
    ]);
  });

  it("fires on an unknown rule id, with a did-you-mean, and knows the repo's own rule files", () => {
    const { report, findings } = checkRule(
      {
        ".guard/rules/learned/no-moment.yaml": "kind: text\nfiles: ['**/*.ts']\nregex: moment\nmessage: no moment\nfix: use the clock\n",
        "docs/a.md": "# A\n<!-- guard-ignore docs/max-line, learned/no-moment, made/up -- generated -->\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/a.md", line: 2, column: 1, message: "`guard-ignore` names `docs/max-line`, which is not a rule id; did you mean `docs/max-lines`?" },
      { file: "docs/a.md", line: 2, column: 1, message: "`guard-ignore` names `made/up`, which is not a rule id" },
    ]);
    expect(report.diagnostics[0]!.fix).toBe("Replace `docs/max-line` with `docs/max-lines` in the comment.");
  });

  it("a reasonless comment cannot silence guard/suppression itself", () => {
    const { findings } = checkRule({ "README.md": "<!-- guard-ignore guard/suppression -->\n" }, RULE);
    expect(findings.map((f) => f.line)).toEqual([1]);
  });

  it("ignores guard-ignore text in code blocks and inline code: it neither fires nor silences", () => {
    const map = "# Map\n\n```md\n<!-- guard-ignore agents/max-lines -->\n```\nUse `<!-- guard-ignore agents/max-lines -->` sparingly.\n";
    const result = run({ "guard.yaml": maxLines(3), "AGENTS.md": map }, ["agents/max-lines", RULE]);
    expect(result[RULE]).toEqual([]);
    expect(result["agents/max-lines"]).toHaveLength(1);
  });
});
