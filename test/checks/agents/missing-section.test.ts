import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/missing-section";
const CONFIG = 'agents:\n  requiredSections: ["Commands", "Architecture"]\n';

describe("agents/missing-section", () => {
  it("fires once per required heading the root map lacks, at line 1", () => {
    const { findings, report } = checkRule(
      { "guard.yaml": CONFIG, "AGENTS.md": "# Shop\n\n## Setup\n\nRun it.\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 1, column: 1, message: 'AGENTS.md has no "Architecture" section (agents.requiredSections asks every top-level map for one)' },
      { file: "AGENTS.md", line: 1, column: 1, message: 'AGENTS.md has no "Commands" section (agents.requiredSections asks every top-level map for one)' },
    ]);
    expect(report.diagnostics.map((d) => d.evidence)).toEqual([{ section: "Architecture" }, { section: "Commands" }]);
  });

  it("matches headings at any depth, ignoring case, emoji, numbering and extra words", () => {
    const map = "# Shop\n\n### 🛠️ Build commands\n\nx\n\n## 2. ARCHITECTURE:\n\ny\n";
    expect(checkRule({ "guard.yaml": CONFIG, "AGENTS.md": map }, RULE).findings).toEqual([]);
  });

  it("does not count a heading that merely contains the letters (Subcommands)", () => {
    const map = "# Shop\n\n## Subcommands\n\n## Architecture\n";
    const { findings } = checkRule({ "guard.yaml": CONFIG, "AGENTS.md": map }, RULE);
    expect(findings.map((f) => f.message)).toEqual([
      'AGENTS.md has no "Commands" section (agents.requiredSections asks every top-level map for one)',
    ]);
  });

  it("checks only top-level maps: nested maps and a CLAUDE.md beside AGENTS.md stay quiet", () => {
    const files = {
      "guard.yaml": CONFIG,
      "AGENTS.md": "# Shop\n\n## Commands\n\n## Architecture\n",
      "CLAUDE.md": "@AGENTS.md\n",
      "packages/api/AGENTS.md": "# API\n\nOnly the API details.\n",
    };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });

  it("checks each package's map when the repo root has none", () => {
    const files = {
      "guard.yaml": CONFIG,
      "packages/api/AGENTS.md": "# API\n\n## Commands\n\n## Architecture\n",
      "packages/web/AGENTS.md": "# Web\n\n## Commands\n",
    };
    expect(checkRule(files, RULE).findings.map((f) => [f.file, f.message])).toEqual([
      ["packages/web/AGENTS.md", 'packages/web/AGENTS.md has no "Architecture" section (agents.requiredSections asks every top-level map for one)'],
    ]);
  });

  it("stays quiet when agents.requiredSections is empty (the default)", () => {
    expect(checkRule({ "AGENTS.md": "# Shop\n\nNo sections at all.\n" }, RULE).findings).toEqual([]);
  });
});
