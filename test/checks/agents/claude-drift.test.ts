import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/claude-drift";
const MAP = "# Shop\n\n## Commands\n\n- `npm test`\n";

describe("agents/claude-drift", () => {
  it("fires on a CLAUDE.md and a GEMINI.md that copy the map with changes, at line 1", () => {
    const files = {
      "AGENTS.md": MAP,
      "CLAUDE.md": MAP + "- `npm run lint`\n",
      "pkg/AGENTS.md": "# Pkg\n",
      "pkg/GEMINI.md": "# Pkg for Gemini\n\nSee [the docs](../docs/x.md).\n",
    };
    const { findings, report } = checkRule(files, RULE);
    expect(findings).toEqual([
      { file: "CLAUDE.md", line: 1, column: 1, message: "CLAUDE.md and AGENTS.md stand side by side, but neither points to the other and their text differs, so they will drift apart" },
      { file: "pkg/GEMINI.md", line: 1, column: 1, message: "pkg/GEMINI.md and pkg/AGENTS.md stand side by side, but neither points to the other and their text differs, so they will drift apart" },
    ]);
    expect(report.diagnostics[0]!.fix).toBe(
      "Make CLAUDE.md import the map: put `@AGENTS.md` on its first line and keep below it only what is specific to Claude (or replace CLAUDE.md with a symlink to AGENTS.md).",
    );
    expect(report.diagnostics[0]!.evidence).toEqual({ agents: "AGENTS.md" });
  });

  it("stays quiet on an @import, a link, an inline-code path, a symlink, or a pointer the other way", () => {
    const files = {
      "AGENTS.md": MAP,
      "CLAUDE.md": "@AGENTS.md\n\nUse the Claude hooks too.\n",
      "a/AGENTS.md": MAP,
      "a/CLAUDE.md": "# Claude\n\nThe map is [here](./AGENTS.md).\n",
      "b/AGENTS.md": MAP,
      "b/GEMINI.md": "# Gemini\n\nRead `AGENTS.md` first.\n",
      "c/AGENTS.md": MAP,
      "c/CLAUDE.md": { symlink: "AGENTS.md" },
      "d/AGENTS.md": "# D\n\nClaude-specific notes live in [CLAUDE.md](CLAUDE.md).\n",
      "d/CLAUDE.md": "# D for Claude\n\nUse the hooks.\n",
    };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });

  it("stays quiet when the two are equal apart from line endings and trailing whitespace", () => {
    const files = { "AGENTS.md": MAP, "CLAUDE.md": MAP.replace(/\n/g, "  \r\n") + "\n" };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });

  it("stays quiet on a CLAUDE.md with no AGENTS.md beside it", () => {
    const files = { "CLAUDE.md": MAP, "docs/AGENTS.md": "# Docs\n" };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });
});
