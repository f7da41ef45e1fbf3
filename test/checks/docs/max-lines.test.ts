import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

describe("docs/max-lines", () => {
  it("fires as a warning on a doc longer than docs.maxLines", () => {
    const { report, findings } = checkRule({ "guard.yaml": "docs:\n  maxLines: 5\n", "docs/long.md": lines(9) }, "docs/max-lines");
    expect(findings).toEqual([{ file: "docs/long.md", line: 6, column: 1, message: "docs/long.md has 9 lines; a doc may have at most 5" }]);
    expect(report.diagnostics[0]!.severity).toBe("warn");
    expect(report.code).toBe(0);
  });

  it("stays quiet on short docs and on long Markdown outside docs.roots", () => {
    const { findings } = checkRule(
      { "guard.yaml": "docs:\n  maxLines: 5\n", "docs/short.md": lines(5), "notes/long.md": lines(50) },
      "docs/max-lines",
    );
    expect(findings).toEqual([]);
  });
});
