import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard, writeFiles } from "../../helpers/repo.js";

const RULE = "guard/stale-baseline";
const BASELINE = ".guard/baseline.json";
const map = (...targets: string[]) => `# Map\n\n${targets.map((target) => `- [${target}](${target})`).join("\n")}\n`;

/** A repo whose baseline recorded dead links to one.md and two.md, after two.md's link was removed. */
function repoWithStaleEntry(files: Record<string, string> = {}): { dir: string; staleLine: number } {
  const dir = makeRepo({ "AGENTS.md": map("one.md", "two.md"), ...files });
  expect(runGuard(dir, ["baseline"]).code).toBe(0);
  const staleLine = readFileSync(join(dir, BASELINE), "utf8").split("\n").findIndex((line) => line.includes("two.md")) + 1;
  writeFiles(dir, { "AGENTS.md": map("one.md") });
  return { dir, staleLine };
}

const staleMessage = "baseline entry for agents/dead-link in AGENTS.md no longer occurs (link to two.md: no such file or folder)";

describe("guard/stale-baseline", () => {
  it("fires at the line of an entry whose finding no longer occurs, once even when a merge doubled it", () => {
    const { dir, staleLine } = repoWithStaleEntry();
    const lines = readFileSync(join(dir, BASELINE), "utf8").split("\n");
    // git's union merge keeps both sides' lines: the same entry may stand twice.
    writeFileSync(join(dir, BASELINE), [...lines.slice(0, -2), lines[staleLine - 1], ...lines.slice(-2)].join("\n"));
    const report = checkJson(dir);
    expect(report.code).toBe(0);
    expect(findingsOf(report, RULE)).toEqual([{ file: BASELINE, line: staleLine, column: 1, message: staleMessage }]);
    expect(report.diagnostics.find((d) => d.rule === RULE)!.severity).toBe("warn");
    expect(findingsOf(report, "agents/dead-link")).toEqual([]);
  });

  it("is an error with --strict-baseline, and follows the severity set in guard.yaml", () => {
    const { dir } = repoWithStaleEntry({ "guard.yaml": `rules:\n  ${RULE}: error\n` });
    const configured = checkJson(dir);
    expect(configured.code).toBe(1);
    expect(findingsOf(configured, RULE).map((f) => f.message)).toEqual([staleMessage]);

    const { dir: strictDir } = repoWithStaleEntry();
    const strict = checkJson(strictDir, ["--strict-baseline"]);
    expect(strict.code).toBe(1);
    expect(strict.diagnostics.filter((d) => d.rule === RULE).map((d) => d.severity)).toEqual(["error"]);
  });

  it("is quiet when every entry still occurs, when the run is scoped, or when the entry's rule did not run", () => {
    const dir = makeRepo({ "AGENTS.md": map("one.md", "two.md") });
    runGuard(dir, ["baseline"]);
    expect(checkJson(dir, ["--strict-baseline"]).diagnostics).toEqual([]);

    writeFiles(dir, { "AGENTS.md": map("one.md") });
    expect(findingsOf(checkJson(dir), RULE)).toHaveLength(1);
    // A scoped run could not have found every entry: nothing is stale.
    expect(checkJson(dir, ["--strict-baseline", "AGENTS.md"]).diagnostics).toEqual([]);
    // agents/dead-link did not run, so its entries cannot be judged.
    expect(checkJson(dir, ["--strict-baseline", "--only", "agents/max-lines"]).diagnostics).toEqual([]);
    writeFiles(dir, { "guard.yaml": "rules:\n  agents/dead-link: off\n" });
    expect(checkJson(dir, ["--strict-baseline"]).diagnostics).toEqual([]);
    // Turned off, the rule reports nothing unless --strict-baseline asks for it.
    writeFiles(dir, { "guard.yaml": `rules:\n  ${RULE}: off\n` });
    expect(checkJson(dir).diagnostics).toEqual([]);
    expect(findingsOf(checkJson(dir, ["--strict-baseline"]), RULE)).toHaveLength(1);
  });

  it("is quiet without a baseline file", () => {
    const dir = makeRepo({ "AGENTS.md": map("one.md") });
    const report = checkJson(dir, ["--strict-baseline"]);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "agents/dead-link")).toHaveLength(1);
  });
});
