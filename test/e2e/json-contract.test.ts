import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { LIMITS, lines, ONLY, overLimits } from "./support.js";

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const DIAGNOSTIC_KEYS = ["rule", "severity", "file", "line", "column", "endLine", "endColumn", "message", "fix", "docs", "evidence", "fingerprint"];

function json(dir: string, args: string[] = ONLY) {
  return runGuard(dir, ["check", "--format", "json", ...args]);
}

describe("--format json (SPEC §5, version 1)", () => {
  it("has exactly the documented keys, in order, with repo-relative paths and 1-based positions", () => {
    const dir = makeRepo(overLimits());
    const run = json(dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(["version", "tool", "summary", "diagnostics"]);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: "guard", version: JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version });
    expect(Object.keys(report.summary)).toEqual(["errors", "warnings", "filesChecked"]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 1 });
    expect(report.summary.filesChecked).toBeGreaterThanOrEqual(2);
    for (const diagnostic of report.diagnostics) expect(Object.keys(diagnostic)).toEqual(DIAGNOSTIC_KEYS);
    expect(report.diagnostics[0]).toEqual({
      rule: "agents/max-lines",
      severity: "error",
      file: "AGENTS.md",
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 1,
      message: "AGENTS.md has 5 lines; a map may have at most 3",
      fix: "Keep AGENTS.md a map: move detail into docs/ topic files and link them from it, until it is at most 3 lines.",
      docs: "rules/agents/max-lines.md",
      evidence: { max: 3 },
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(report.diagnostics[1]).toMatchObject({ rule: "docs/max-lines", severity: "warn", file: "docs/long.md", line: 4 });
    expect(run.stdout).not.toContain(dir);
    expect(run.stdout).not.toMatch(/timing|totalMs|skipped|"rules"/);
  });

  it("puts `related` between evidence and fingerprint when a finding has a second place", () => {
    const paragraph = "Every order change goes through the service layer, which validates it, records an event and publishes it, so the UI never edits orders directly and retries are always safe.";
    const dir = makeRepo({ "AGENTS.md": "# Map\n\n[a](docs/a.md) [b](docs/b.md)\n", "docs/a.md": `# A\n\n${paragraph}\n`, "docs/b.md": `# B\n\n${paragraph}\n` });
    const report = JSON.parse(json(dir, ["--only", "docs/duplicate"]).stdout);
    expect(report.diagnostics).toHaveLength(1);
    expect(Object.keys(report.diagnostics[0])).toEqual([...DIAGNOSTIC_KEYS.slice(0, -1), "related", "fingerprint"]);
    expect(report.diagnostics[0].related).toEqual([{ file: "docs/a.md", line: 3, column: 1, message: "first copy" }]);

    writeFileSync(join(dir, "docs/b.md"), `# B\n\nA new first paragraph.\n\n${paragraph}\n`);
    const moved = JSON.parse(json(dir, ["--only", "docs/duplicate"]).stdout).diagnostics;
    expect(moved.map((d: { line: number }) => d.line)).toEqual([5]);
    expect(moved[0].fingerprint).toBe(report.diagnostics[0].fingerprint);
  });

  it("gives byte-identical output for the same tree: twice, and from a copy in another folder", () => {
    const files = overLimits({ "pkg/AGENTS.md": lines(9), "docs/z.md": lines(4), "docs/b/c.md": lines(7) });
    const dir = makeRepo(files);
    const first = json(dir).stdout;
    expect(json(dir).stdout).toBe(first);
    const copy = mkdtempSync(join(tmpdir(), "guard-copy-"));
    copies.push(copy);
    cpSync(dir, join(copy, "nested", "repo"), { recursive: true });
    expect(json(join(copy, "nested", "repo")).stdout).toBe(first);
  });

  it("sorts by file, then line, column and rule", () => {
    const dir = makeRepo({
      "guard.yaml": LIMITS,
      "z/AGENTS.md": lines(4),
      "AGENTS.md": lines(4),
      "docs/AGENTS.md": lines(5),
      "docs/a.md": lines(8),
      "B/AGENTS.md": lines(4),
    });
    const report = JSON.parse(json(dir).stdout);
    expect(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual([
      "AGENTS.md agents/max-lines",
      "B/AGENTS.md agents/max-lines",
      "docs/AGENTS.md agents/max-lines",
      "docs/AGENTS.md docs/max-lines",
      "docs/a.md docs/max-lines",
      "z/AGENTS.md agents/max-lines",
    ]);
  });

  it("keeps the fingerprint when an unrelated line is inserted above the finding", () => {
    const dir = makeRepo(overLimits());
    const before = JSON.parse(json(dir).stdout).diagnostics;
    writeFileSync(join(dir, "AGENTS.md"), `# inserted\n${lines(5)}`);
    writeFileSync(join(dir, "docs/long.md"), `inserted\n${lines(6)}`);
    const after = JSON.parse(json(dir).stdout).diagnostics;
    expect(after.map((d: { line: number }) => d.line)).toEqual(before.map((d: { line: number }) => d.line));
    expect(after.map((d: { message: string }) => d.message)).not.toEqual(before.map((d: { message: string }) => d.message));
    expect(after.map((d: { fingerprint: string }) => d.fingerprint)).toEqual(before.map((d: { fingerprint: string }) => d.fingerprint));
  });

  it("adds timings only with --timing", () => {
    const dir = makeRepo(overLimits());
    const report = JSON.parse(json(dir, [...ONLY, "--timing"]).stdout);
    expect(report.timing.totalMs).toEqual(expect.any(Number));
    expect(Object.keys(report.timing.rules).sort()).toEqual(["agents/max-lines", "docs/max-lines"]);
  });
});
