import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

describe("agents/max-lines", () => {
  it("fires on a map longer than agents.maxLines, at the first line over", () => {
    const { findings } = checkRule({ "guard.yaml": "agents:\n  maxLines: 10\n", "AGENTS.md": lines(12) }, "agents/max-lines");
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 11, column: 1, message: "AGENTS.md has 12 lines; a map may have at most 10" },
    ]);
  });

  it("reports a CLAUDE.md that is a symlink to the AGENTS.md beside it once, on AGENTS.md", () => {
    const { findings } = checkRule(
      { "guard.yaml": "agents:\n  maxLines: 10\n", "AGENTS.md": lines(12), "CLAUDE.md": { symlink: "AGENTS.md" } },
      "agents/max-lines",
    );
    expect(findings.map((f) => f.file)).toEqual(["AGENTS.md"]);
  });

  it("stays quiet at exactly the limit, and for nested maps under it", () => {
    const { findings } = checkRule(
      { "guard.yaml": "agents:\n  maxLines: 10\n", "AGENTS.md": lines(10), "pkg/AGENTS.md": lines(3) },
      "agents/max-lines",
    );
    expect(findings).toEqual([]);
  });
});
