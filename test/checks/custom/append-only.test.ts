import { describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles } from "../../helpers/repo.js";

const RULE = "progress-log";
const rule = [
  "kind: append-only",
  'files: ["progress.md"]',
  "message: The progress log only grows.",
  "fix: Restore the earlier entries and add a new one at the end.",
  "examples:",
  "  bad:",
  "    - { before: \"a\\nb\\n\", after: \"a\\nc\\n\" }",
  "    - { before: \"a\\n\" }",
  "  good:",
  "    - { before: \"a\\nb\", after: \"a\\nb\\nc\\n\" }",
  "    - { after: \"a\\n\" }",
  "",
].join("\n");

const log = "# Progress\n\n- session 1: set up the repo\n- session 2: login works\n";
const files = { ".guard/rules/progress-log.yaml": rule, "progress.md": log };

const judged = (dir: string, args: string[]) => {
  const report = checkJson(dir, ["--only", RULE, ...args]);
  return { code: report.code, findings: findingsOf(report, RULE) };
};

describe("append-only rule files", () => {
  it("--staged: an edited line fires with its old and new text; lines added at the end are quiet", () => {
    const dir = makeRepo(files);
    writeFiles(dir, { "progress.md": log.replace("login works", "login and checkout work") });
    execGit(dir, ["add", "-A"]);
    expect(judged(dir, ["--staged"])).toEqual({
      code: 1,
      findings: [{ file: "progress.md", line: 4, column: 1, message: 'The progress log only grows. (line 4 was edited: was "- session 2: login works", now "- session 2: login and checkout work")' }],
    });
    expect(judged(dir, [])).toEqual({ code: 0, findings: [] });
    writeFiles(dir, { "progress.md": log + "- session 3: checkout works\n" });
    execGit(dir, ["add", "-A"]);
    expect(judged(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
  });

  it("--commit and --since: a deleted line and a deleted file fire; a new file is quiet", () => {
    const dir = makeRepo(files);
    const base = execGit(dir, ["rev-parse", "HEAD"]).trim();
    writeFiles(dir, { "progress.md": "# Progress\n\n- session 1: set up the repo\n" });
    commitAll(dir, "forget session 2");
    const deleted = { file: "progress.md", line: 3, column: 1, message: 'The progress log only grows. (line 4 was deleted (was "- session 2: login works"))' };
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 1, findings: [deleted] });
    expect(judged(dir, ["--since", base])).toEqual({ code: 1, findings: [deleted] });
    rmSync(join(dir, "progress.md"));
    writeFiles(dir, { "README.md": "# r\n" });
    commitAll(dir, "delete the log");
    expect(judged(dir, ["--commit", "HEAD"]).findings).toEqual([{ file: "progress.md", line: 1, column: 1, message: "The progress log only grows. (the file was deleted)" }]);
    writeFiles(dir, { "progress.md": "# Progress, again\n" });
    commitAll(dir, "a new log");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("an old text without a final newline may get one and grow", () => {
    const dir = makeRepo({ ...files, "progress.md": "- one" });
    writeFiles(dir, { "progress.md": "- one\n- two\n" });
    commitAll(dir, "grow");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("its examples run under `guard rules test`", () => {
    const dir = makeRepo(files);
    expect(runGuard(dir, ["rules", "test"]).code).toBe(0);
    writeFiles(dir, { ".guard/rules/progress-log.yaml": rule.replace('after: "a\\nb\\nc\\n"', 'after: "b\\n"') });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/progress-log[\s\S]*line 1 was edited: was "a", now "b"/);
  });
});
