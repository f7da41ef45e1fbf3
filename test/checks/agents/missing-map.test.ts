import { describe, expect, it } from "vitest";
import { checkRule, makeRepo, runGuard } from "../../helpers/repo.js";

const RULE = "agents/missing-map";

describe("agents/missing-map", () => {
  it("fires at AGENTS.md:1 when the repository root has no AGENTS.md", () => {
    const { findings } = checkRule({ "README.md": "# Project\n", "src/index.ts": "export {};\n" }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 1, column: 1, message: "the repository has no AGENTS.md at its root; agents start from that map" },
    ]);
  });

  it("fires when the root has only CLAUDE.md, and says so", () => {
    const { report, findings } = checkRule({ "CLAUDE.md": "# Map\n" }, RULE);
    expect(findings).toEqual([
      {
        file: "AGENTS.md",
        line: 1,
        column: 1,
        message: "the repository has no AGENTS.md at its root, only CLAUDE.md, which only Claude Code reads",
      },
    ]);
    expect(report.diagnostics[0]!.fix).toContain("replace CLAUDE.md with the single line `@AGENTS.md`");
    expect(report.code).toBe(1);
  });

  it("fires even when a nested package has an AGENTS.md but the root has none", () => {
    const { findings } = checkRule({ "packages/web/AGENTS.md": "# Web\n" }, RULE);
    expect(findings.map((f) => f.file)).toEqual(["AGENTS.md"]);
  });

  it("stays quiet when the root has AGENTS.md (beside a CLAUDE.md, or as a symlink)", () => {
    expect(checkRule({ "AGENTS.md": "# Map\n", "CLAUDE.md": "@AGENTS.md\n" }, RULE).findings).toEqual([]);
    expect(checkRule({ "CLAUDE.md": "# Map\n", "AGENTS.md": { symlink: "CLAUDE.md" } }, RULE).findings).toEqual([]);
  });

  it("with `packages`, fires for each matching folder without AGENTS.md, and only for folders", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": 'rules:\n  agents/missing-map: { severity: error, packages: ["packages/*"] }\n',
        "AGENTS.md": "# Map\n",
        "packages/api/AGENTS.md": "# API\n",
        "packages/api/index.ts": "export {};\n",
        "packages/web/package.json": "{}\n",
        "packages/README.md": "# Packages\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "packages/web/AGENTS.md",
        line: 1,
        column: 1,
        message: "package packages/web has no AGENTS.md; the rule's `packages` option asks for one in every matching folder",
      },
    ]);
  });

  it("rejects unknown or malformed options with exit 2 and a suggestion", () => {
    const typo = makeRepo({ "guard.yaml": 'rules:\n  agents/missing-map: { severity: error, package: ["packages/*"] }\n', "AGENTS.md": "# Map\n" });
    const typoRun = runGuard(typo, ["check", "--format", "json", "--only", RULE]);
    expect(typoRun.code).toBe(2);
    expect(typoRun.stderr).toContain('unknown option "package" in rules.agents/missing-map');
    expect(typoRun.stderr).toContain('did you mean "packages"?');

    const wrong = makeRepo({ "guard.yaml": "rules:\n  agents/missing-map: { severity: error, packages: packages/* }\n", "AGENTS.md": "# Map\n" });
    const wrongRun = runGuard(wrong, ["check", "--format", "json", "--only", RULE]);
    expect(wrongRun.code).toBe(2);
    expect(wrongRun.stderr).toContain("invalid value for rules.agents/missing-map.packages");
  });
});
