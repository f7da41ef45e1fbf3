import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/import";

describe("agents/import", () => {
  it("fires on an import that names no file, at the `@`", () => {
    const { findings } = checkRule(
      { "AGENTS.md": "# Map\n", "CLAUDE.md": "@AGENTS.md\n\n- git workflow: @docs/git.md\n", "pkg/GEMINI.md": "See @./style.md.\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "CLAUDE.md", line: 3, column: 17, message: "`@docs/git.md` in CLAUDE.md imports docs/git.md, which does not exist" },
      { file: "pkg/GEMINI.md", line: 1, column: 5, message: "`@./style.md` in pkg/GEMINI.md imports pkg/style.md, which does not exist" },
    ]);
  });

  it("stays quiet on prose, code, home paths, paths outside the repo and existing files", () => {
    const claude = [
      "# Claude",
      "@AGENTS.md and @docs/guide.md, then @docs/guide.md#setup.",
      "Write to team@example.com or ping @alice, @john.doe and @example.com.",
      "Install @types/node and @scope/package; import from `@/components/x.tsx`.",
      "Run `cat @docs/missing.md`; personal notes: @~/.claude/me.md; also @../../outside.md",
      "<!-- @docs/commented-out.md -->",
      "",
      "```sh",
      "echo @docs/in-a-fence.md",
      "```",
      "",
    ].join("\n");
    const { findings } = checkRule({ "CLAUDE.md": claude, "AGENTS.md": "# Map\n", "docs/guide.md": "# Guide\n" }, RULE);
    expect(findings).toEqual([]);
  });

  it("follows imports into imported Markdown files, relative to each file", () => {
    const { findings } = checkRule(
      { "CLAUDE.md": "@docs/a.md\n", "docs/a.md": "See @b.md and @c.md\n", "docs/b.md": "# B\n" },
      RULE,
    );
    expect(findings).toEqual([{ file: "docs/a.md", line: 1, column: 15, message: "`@c.md` in docs/a.md imports docs/c.md, which does not exist" }]);
  });

  it("reports a cycle once, on the first file of the cycle in sorted order", () => {
    const { report, findings } = checkRule(
      {
        "CLAUDE.md": "@docs/b.md\n",
        "docs/b.md": "# B\n@c.md\n",
        "docs/c.md": "# C\n\n@a.md\n",
        "docs/a.md": "# A\n@b.md\n",
        "pkg/CLAUDE.md": "@../docs/c.md\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/a.md", line: 2, column: 1, message: "`@b.md` in docs/a.md starts an import cycle: docs/a.md → docs/b.md → docs/c.md → docs/a.md" },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({ cycle: ["docs/a.md", "docs/b.md", "docs/c.md", "docs/a.md"] });
  });

  it("reports a file that imports itself", () => {
    const { findings } = checkRule({ "CLAUDE.md": "# Claude\nSee @CLAUDE.md\n" }, RULE);
    expect(findings).toEqual([{ file: "CLAUDE.md", line: 2, column: 5, message: "`@CLAUDE.md` in CLAUDE.md starts an import cycle: CLAUDE.md → CLAUDE.md" }]);
  });

  it("fires where the chain goes past 5 hops, and is quiet at 5", () => {
    const chain = (hops: number) => {
      const files: Record<string, string> = { "CLAUDE.md": "@d/1.md\n" };
      for (let hop = 1; hop <= hops; hop++) files[`d/${hop}.md`] = hop < hops ? `@${hop + 1}.md\n` : "# last\n";
      return files;
    };
    expect(checkRule(chain(5), RULE).findings).toEqual([]);
    const { findings } = checkRule(chain(6), RULE);
    expect(findings).toEqual([
      {
        file: "d/5.md",
        line: 1,
        column: 1,
        message:
          "`@6.md` in d/5.md is import number 6 in the chain CLAUDE.md → d/1.md → d/2.md → d/3.md → d/4.md → d/5.md → d/6.md; Claude Code follows at most 5, so d/6.md is never loaded",
      },
    ]);
  });
});
