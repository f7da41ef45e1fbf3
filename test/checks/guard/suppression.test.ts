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

/** Two layers; every file under src/service that imports src/ui breaks arch/layer at its import line. */
const layered = {
  "AGENTS.md": "# Map\n",
  "guard.yaml": 'layers:\n  - { name: service, paths: ["src/service/**"] }\n  - { name: ui, paths: ["src/ui/**"] }\n',
  "src/ui/button.ts": "export const b = 1;\n",
};
const LAYER = "arch/layer";

describe("guard-ignore in code", () => {
  it("a comment above the line, after the code on it, or in a block comment silences the rule there; one in a string does not", () => {
    const report = checkJson(
      makeRepo({
        ...layered,
        "src/service/above.ts": '// guard-ignore arch/layer -- legacy import, moving in #12\nimport { b } from "../ui/button";\nexport const a = b;\n',
        "src/service/same-line.ts": 'import { b } from "../ui/button"; // guard-ignore arch/layer -- legacy\nexport const a = b;\n',
        "src/service/block.tsx": '/* guard-ignore arch/cycle, arch/layer -- generated */\nimport { b } from "../ui/button";\nexport const A = () => <p>{b}</p>;\n',
        "src/service/in-string.ts": 'const s = "// guard-ignore arch/layer -- not a comment";\nimport { b } from "../ui/button";\nexport const a = b + s;\n',
        "src/service/in-template.ts": 'import { b } from "../ui/button"; const t = `\n// guard-ignore arch/layer -- text`;\nexport const a = b + t;\n',
        "src/service/two-above.ts": '// guard-ignore arch/layer -- too far up\n\nimport { b } from "../ui/button";\nexport const a = b;\n',
        "src/service/trailing-next.ts": 'export const x = 1; // guard-ignore arch/layer -- only this line\nimport { b } from "../ui/button";\nexport const a = b;\n',
      }),
      ["--only", `${LAYER},${RULE}`],
    );
    expect(findingsOf(report, LAYER).map((f) => `${f.file}:${f.line}`)).toEqual([
      "src/service/in-string.ts:2",
      "src/service/in-template.ts:1",
      "src/service/trailing-next.ts:2",
      "src/service/two-above.ts:3",
    ]);
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("guard/suppression checks code comments too: no reason, no rule, an unknown id; a rule file's id is known", () => {
    const { report, findings } = checkRule(
      {
        ...layered,
        ".guard/rules/team/no-todo.yaml": "kind: text\nfiles: ['**/*.ts']\nregex: TODO\nmessage: no TODO\nfix: Do it now.\n",
        "src/service/a.ts":
          '// guard-ignore arch/layer\nimport { b } from "../ui/button";\n  /* guard-ignore -- why */\nexport const a = b; // guard-ignore arch/layr, team/no-todo -- known\n',
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "src/service/a.ts", line: 1, column: 1, message: "`guard-ignore arch/layer` gives no reason; a suppression must say why after `--`" },
      { file: "src/service/a.ts", line: 3, column: 3, message: "`guard-ignore` names no rule to silence" },
      { file: "src/service/a.ts", line: 4, column: 21, message: "`guard-ignore` names `arch/layr`, which is not a rule id; did you mean `arch/layer`?" },
    ]);
    expect(report.diagnostics.map((d) => d.fix).slice(0, 2)).toEqual([
      "Fix the finding and delete the comment, or add why it is acceptable here after `--`: `// guard-ignore arch/layer -- <reason>`.",
      "Name the rule to silence, `// guard-ignore <rule-id> -- <reason>`, or delete the comment.",
    ]);
  });

  it("`# guard-ignore` silences a text rule in YAML, on its line or the next; guard-ignore-file in the whole file", () => {
    const rule = "kind: text\nfiles: ['**/*.yaml']\nregex: ':latest'\nmessage: latest tag\nfix: Pin the version.\n";
    const report = checkJson(
      makeRepo({
        ".guard/rules/team/no-latest.yaml": rule,
        "deploy/app.yaml": [
          "web:",
          "  image: nginx:latest # guard-ignore team/no-latest -- pinned by the deploy job",
          "  # guard-ignore team/no-latest -- local demo only",
          "  sidecar: envoy:latest",
          "  quoted: \"x # guard-ignore team/no-latest -- a string, not a comment\"",
          "  db: postgres:latest",
          "",
        ].join("\n"),
        "deploy/dev.yaml": "# guard-ignore-file team/no-latest -- development images float on purpose\na: x:latest\nb: y:latest\n",
      }),
      ["--only", `team/no-latest,${RULE}`],
    );
    expect(findingsOf(report, "team/no-latest").map((f) => `${f.file}:${f.line}`)).toEqual(["deploy/app.yaml:6"]);
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
