import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles } from "../helpers/repo.js";

const BASELINE = ".guard/baseline.json";
const map = (...targets: string[]) => `# Map\n\n${targets.map((target) => `- [${target}](${target})`).join("\n")}\n`;
const deadLink = (target: string) => `link to ${target}: no such file or folder`;

function baselineLines(dir: string): string[] {
  return readFileSync(join(dir, BASELINE), "utf8").split("\n");
}

/** 1-based line of the baseline entry whose message names `target`. */
function entryLine(dir: string, target: string): number {
  return baselineLines(dir).findIndex((line) => line.includes(`"message":"${deadLink(target)}"`)) + 1;
}

describe("guard baseline", () => {
  it("records every finding; check then fails only on new ones and reports stale entries", () => {
    const dir = makeRepo({ "AGENTS.md": map("one.md", "two.md", "three.md") });
    const recorded = runGuard(dir, ["baseline"]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(`wrote 3 entries to ${BASELINE}`);
    expect(recorded.stdout).toContain("created .gitattributes with `/.guard/baseline.json merge=union`");
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("/.guard/baseline.json merge=union\n");

    // One entry a line, each ending with a comma, sorted by fingerprint, closed by a fixed line.
    const lines = baselineLines(dir);
    const entries = lines.slice(1, 4).map((line) => JSON.parse(line.replace(/,$/, "")) as { fingerprint: string; rule: string; file: string });
    expect(lines.slice(1, 4).every((line) => line.endsWith("},"))).toBe(true);
    expect(lines.slice(4)).toEqual(['{"end": true}]}', ""]);
    expect(entries.map((entry) => entry.fingerprint)).toEqual(entries.map((entry) => entry.fingerprint).sort());
    expect(entries.every((entry) => entry.rule === "agents/dead-link" && entry.file === "AGENTS.md")).toBe(true);
    const all = checkJson(dir, ["--no-baseline"]);
    expect(new Set(entries.map((entry) => entry.fingerprint))).toEqual(new Set(all.diagnostics.map((d) => d.fingerprint)));

    const clean = checkJson(dir);
    expect(clean.code).toBe(0);
    expect(clean.diagnostics).toEqual([]);

    // Fix one baselined finding (two.md) and add a new one (four.md): the counts would cancel out.
    const twoLine = entryLine(dir, "two.md");
    writeFiles(dir, { "AGENTS.md": map("one.md", "three.md", "four.md") });
    const after = checkJson(dir);
    expect(after.code).toBe(1);
    expect(findingsOf(after, "agents/dead-link")).toEqual([{ file: "AGENTS.md", line: 5, column: 3, message: deadLink("four.md") }]);
    const stale = after.diagnostics.filter((d) => d.rule === "guard/stale-baseline");
    expect(stale.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }))).toEqual([
      {
        file: BASELINE,
        line: twoLine,
        column: 1,
        severity: "warn",
        message: `baseline entry for agents/dead-link in AGENTS.md no longer occurs (${deadLink("two.md")})`,
      },
    ]);
    expect(stale[0]!.fix).toContain("Run `guard baseline`");

    const strict = checkJson(dir, ["--strict-baseline"]);
    expect(strict.diagnostics.filter((d) => d.rule === "guard/stale-baseline").map((d) => d.severity)).toEqual(["error"]);
    expect(strict.summary.errors).toBe(2);

    const everything = checkJson(dir, ["--no-baseline"]);
    expect(findingsOf(everything, "agents/dead-link").map((f) => f.message)).toEqual([deadLink("one.md"), deadLink("three.md"), deadLink("four.md")]);
    expect(findingsOf(everything, "guard/stale-baseline")).toEqual([]);

    // Recording again shrinks the baseline: the stale entry goes, the new finding comes in.
    expect(runGuard(dir, ["baseline"]).stdout).toContain(`wrote 3 entries to ${BASELINE} (was 3)`);
    expect(checkJson(dir, ["--strict-baseline"]).diagnostics).toEqual([]);
    expect(baselineLines(dir).some((line) => line.includes("two.md"))).toBe(false);
  });

  it("two branches that each add an entry merge without a conflict", () => {
    const dir = makeRepo({ "AGENTS.md": map() });
    expect(runGuard(dir, ["baseline"]).stdout).toContain("wrote 0 entries");
    commitAll(dir, "empty baseline");

    execGit(dir, ["checkout", "-q", "-b", "first"]);
    writeFiles(dir, { "AGENTS.md": map("first.md") });
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    commitAll(dir, "first debt");

    execGit(dir, ["checkout", "-q", "main"]);
    execGit(dir, ["checkout", "-q", "-b", "second"]);
    writeFiles(dir, { "sub/AGENTS.md": map("second.md") });
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    commitAll(dir, "second debt");

    // Both branches insert their entry at the same place, between the header and the end line.
    expect(execGit(dir, ["check-attr", "merge", BASELINE])).toBe(`${BASELINE}: merge: union\n`);
    execGit(dir, ["merge", "-q", "--no-edit", "first"]);
    const merged = readFileSync(join(dir, BASELINE), "utf8");
    expect(merged).not.toContain("<<<<<<<");
    const parsed = JSON.parse(merged) as { entries: { file?: string }[] };
    expect(parsed.entries.map((entry) => entry.file).filter(Boolean).sort()).toEqual(["AGENTS.md", "sub/AGENTS.md"]);
    const report = checkJson(dir, ["--strict-baseline"]);
    expect(report.code).toBe(0);
    expect(report.diagnostics).toEqual([]);
  });

  it("a malformed baseline is a usage error with its position", () => {
    const dir = makeRepo({ "AGENTS.md": map("one.md") });
    runGuard(dir, ["baseline"]);
    const lines = baselineLines(dir);
    writeFileSync(join(dir, BASELINE), [lines[0], "<<<<<<< HEAD", ...lines.slice(1)].join("\n"));
    const conflicted = runGuard(dir, ["check"]);
    expect(conflicted.code).toBe(2);
    expect(conflicted.stderr).toContain(`${BASELINE}:2:1: invalid baseline`);
    expect(conflicted.stderr).toContain("suggestion: run `guard baseline`");

    writeFileSync(join(dir, BASELINE), [lines[0], lines[1], "]}"].join("\n"));
    const trailingComma = runGuard(dir, ["check"]);
    expect(trailingComma.code).toBe(2);
    expect(trailingComma.stderr).toContain(`${BASELINE}:3:1: invalid baseline`);

    writeFileSync(join(dir, BASELINE), '{"version": 1, "entries": [\n{"rule": "agents/dead-link", "file": "AGENTS.md"},\n{"end": true}]}\n');
    const noFingerprint = runGuard(dir, ["check"]);
    expect(noFingerprint.code).toBe(2);
    expect(noFingerprint.stderr).toContain('entry 1 has no "fingerprint" text');

    // --no-baseline does not read it, and guard baseline writes it again.
    expect(checkJson(dir, ["--no-baseline"]).code).toBe(1);
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    expect(checkJson(dir).code).toBe(0);
  });

  it("keeps .gitattributes as it is, adds its line once, and never overwrites a file it did not write", () => {
    const attributes = "*.png binary\n# generated\ndist/** linguist-generated";
    const dir = makeRepo({ "AGENTS.md": map("one.md"), ".gitattributes": attributes });
    const first = runGuard(dir, ["baseline"]);
    expect(first.stdout).toContain("added to .gitattributes: `/.guard/baseline.json merge=union`");
    const expected = `${attributes}\n/.guard/baseline.json merge=union\n`;
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe(expected);
    const second = runGuard(dir, ["baseline"]);
    expect(second.stdout).not.toContain(".gitattributes");
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe(expected);

    const own = makeRepo({ "AGENTS.md": map("one.md"), "guard.yaml": "baseline: data/known.json\n", "data/known.json": '{"keep": true}\n' });
    const refused = runGuard(own, ["baseline"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("data/known.json exists and was not written by guard baseline");
    expect(readFileSync(join(own, "data/known.json"), "utf8")).toBe('{"keep": true}\n');

    const outside = makeRepo({ "AGENTS.md": map("one.md"), "guard.yaml": "baseline: ../baseline.json\n" });
    const escaped = runGuard(outside, ["baseline"]);
    expect(escaped.code).toBe(2);
    expect(escaped.stderr).toContain('baseline: "../baseline.json" is not a file inside the repository');
  });
});
