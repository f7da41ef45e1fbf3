import { describe, expect, it } from "vitest";
import { checkJson, execGit, findingsOf, makeRepo, writeFiles } from "../../helpers/repo.js";

const RULE = "guard/unused-suppression";
const LAYER = "arch/layer";

/** Two layers; a file under src/service importing src/ui breaks arch/layer at its import line. */
const layered = {
  "AGENTS.md": "# Map\n",
  "guard.yaml": 'layers:\n  - { name: service, paths: ["src/service/**"] }\n  - { name: ui, paths: ["src/ui/**"] }\n',
  "src/ui/button.ts": "export const b = 1;\n",
  ".guard/rules/team/no-latest.yaml": "kind: text\nfiles: ['**/*.yaml']\nregex: ':latest'\nmessage: latest tag\nfix: Pin the version.\n",
};

const unused = (directive: string, rules: string) =>
  `\`${directive} ${rules}\` silenced nothing in this run; the finding it was written for no longer occurs here`;

describe("guard/unused-suppression", () => {
  it("warns at a code, YAML or Markdown comment that silenced nothing, and is quiet on the ones that did", () => {
    const report = checkJson(
      makeRepo({
        ...layered,
        "src/service/used.ts": '// guard-ignore arch/layer -- legacy, moving in #12\nimport { b } from "../ui/button";\nexport const a = b;\n',
        "src/service/stale.ts": 'export const a = 1;\n  // guard-ignore arch/layer -- the ui import was removed\nexport const c = 2;\n',
        "deploy/app.yaml": "image: nginx:1.25 # guard-ignore team/no-latest -- was latest\nother: x:latest # guard-ignore team/no-latest -- pinned by the deploy job\n",
        "docs/a.md": "# A\n\n<!-- guard-ignore-file docs/max-lines -- long table -->\n",
      }),
      ["--only", `${LAYER},team/no-latest,docs/max-lines,${RULE}`],
    );
    expect(report.code).toBe(0);
    expect(findingsOf(report, LAYER)).toEqual([]);
    expect(findingsOf(report, "team/no-latest")).toEqual([]);
    expect(findingsOf(report, RULE)).toEqual([
      { file: "deploy/app.yaml", line: 1, column: 19, message: unused("guard-ignore", "team/no-latest") },
      { file: "docs/a.md", line: 3, column: 1, message: unused("guard-ignore-file", "docs/max-lines") },
      { file: "src/service/stale.ts", line: 2, column: 3, message: unused("guard-ignore", "arch/layer") },
    ]);
    const first = report.diagnostics.find((d) => d.rule === RULE)!;
    expect(first.severity).toBe("warn");
    expect(first.evidence).toEqual({ directive: "guard-ignore", rules: ["team/no-latest"] });
    expect(first.fix).toBe("Delete the comment: team/no-latest no longer reports anything it covers. If the finding moved, put the comment on the line above it.");
  });

  it("says nothing about a rule that did not run: another `--only`, a rule turned off, a co-change rule without a change", () => {
    const dir = makeRepo({
      ...layered,
      "guard.yaml": `${layered["guard.yaml"]}rules:\n  docs/orphan: off\n`,
      ".guard/rules/team/api-docs.yaml": "kind: co-change\nwhen: ['src/api/**']\nthen: [docs/api.md]\nmessage: API changed without docs\nfix: Update docs/api.md.\n",
      "src/service/stale.ts": "// guard-ignore arch/layer -- the ui import was removed\nexport const c = 2;\n",
      "src/api/internal.ts": "// guard-ignore-file team/api-docs -- internal endpoint, not documented\nexport const v = 1;\n",
      "docs/a.md": "# A\n<!-- guard-ignore docs/orphan -- linked from the wiki -->\n",
    });
    expect(findingsOf(checkJson(dir, ["--only", `docs/max-lines,${RULE}`]), RULE)).toEqual([]);
    expect(findingsOf(checkJson(dir), RULE).map((f) => f.file)).toEqual(["src/service/stale.ts"]);

    // With a change the co-change rule runs: the suppression silences it, and is therefore used.
    writeFiles(dir, {
      "src/api/internal.ts": "// guard-ignore-file team/api-docs -- internal endpoint, not documented\nexport const v = 2;\n",
      "src/api/public.ts": "export const w = 1;\n",
    });
    execGit(dir, ["add", "-A"]);
    const staged = checkJson(dir, ["--staged"]);
    expect(findingsOf(staged, "team/api-docs").map((f) => f.file)).toEqual(["src/api/public.ts"]);
    expect(findingsOf(staged, RULE)).toEqual([]);
  });

  it("with --staged, reports an unused comment in a staged file", () => {
    const dir = makeRepo({ ...layered, "src/service/a.ts": 'import { b } from "../ui/button"; // guard-ignore arch/layer -- legacy\nexport const a = b;\n' });
    writeFiles(dir, { "src/service/a.ts": "export const a = 1; // guard-ignore arch/layer -- legacy\n" });
    execGit(dir, ["add", "-A"]);
    const staged = checkJson(dir, ["--staged", "--only", `${LAYER},${RULE}`]);
    expect(findingsOf(staged, RULE)).toEqual([{ file: "src/service/a.ts", line: 1, column: 21, message: unused("guard-ignore", "arch/layer") }]);
  });
});
