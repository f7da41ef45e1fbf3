import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/generic-instruction";
// Off in the recommended preset: a repo turns it on in guard.yaml.
const ON = "rules:\n  agents/generic-instruction: warn\n";

describe("agents/generic-instruction", () => {
  it("fires on lines that are only a generic phrase, at the line", () => {
    const map = [
      "# Shop",
      "",
      "You are an expert TypeScript developer.",
      "",
      "## Rules",
      "",
      "- Always write clean, maintainable code.",
      "- **Follow best practices.**",
      "- Think step by step. Be concise.",
      "",
    ].join("\n");
    const { findings, report } = checkRule({ "guard.yaml": ON, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 1, message: '"You are an expert TypeScript developer." tells an agent nothing about this repository; it costs context on every run and changes nothing' },
      { file: "AGENTS.md", line: 7, column: 3, message: '"Always write clean, maintainable code." tells an agent nothing about this repository; it costs context on every run and changes nothing' },
      { file: "AGENTS.md", line: 8, column: 3, message: '"Follow best practices." tells an agent nothing about this repository; it costs context on every run and changes nothing' },
      { file: "AGENTS.md", line: 9, column: 3, message: '"Think step by step. Be concise." tells an agent nothing about this repository; it costs context on every run and changes nothing' },
    ]);
    expect(report.diagnostics.every((d) => d.severity === "warn")).toBe(true);
    expect(report.diagnostics[1]!.evidence).toEqual({ text: "write clean maintainable code" });
  });

  it("stays quiet on lines that add something specific to the repo", () => {
    const map = [
      "# Shop",
      "",
      "- Write clean code in `src/api/`: one handler per file.",
      "- Follow best practices from [docs/style.md](docs/style.md).",
      "- Think step by step. Then run `npm test` before every commit.",
      "- Make sure the code compiles with strict null checks on the order service.",
      "- Be helpful to reviewers: link the issue in every PR description.",
      "",
      "```md",
      "Be helpful.",
      "```",
      "",
    ].join("\n");
    expect(checkRule({ "guard.yaml": ON, "AGENTS.md": map }, RULE).findings).toEqual([]);
  });

  it("reports a map once when CLAUDE.md is a symlink to it, and reads list items with other adjectives", () => {
    const files = { "guard.yaml": ON, "AGENTS.md": "# Shop\n\n- Write clean, documented code\n", "CLAUDE.md": { symlink: "AGENTS.md" } };
    expect(checkRule(files, RULE).findings.map((f) => `${f.file}:${f.line}`)).toEqual(["AGENTS.md:3"]);
  });

  it("is off in the recommended preset", () => {
    const { report } = checkRule({ "AGENTS.md": "# Shop\n\nBe helpful.\n" }, RULE);
    expect(report.diagnostics).toEqual([]);
  });
});
