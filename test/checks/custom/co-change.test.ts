import { describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles } from "../../helpers/repo.js";

const RULE = "api-docs";
const rule = [
  "kind: co-change",
  'when: ["src/api/**"]',
  'then: ["docs/api.md", "CHANGELOG.md"]',
  'ignore: ["**/*.test.ts"]',
  "message: \"{file} changed the API, but neither of {then} changed.\"",
  "fix: Describe the change in docs/api.md.",
  "examples:",
  "  bad: [[src/api/orders.ts]]",
  "  good:",
  "    - [src/api/orders.ts, docs/api.md]",
  "    - { changed: [src/api/orders.test.ts] }",
  "",
].join("\n");

const files = {
  ".guard/rules/api-docs.yaml": rule,
  "src/api/orders.ts": "export const orders = 1;\n",
  "src/api/users.ts": "export const users = 1;\n",
  "src/api/orders.test.ts": "export {};\n",
  "src/core/clock.ts": "export const now = 1;\n",
  "docs/api.md": "# API\n",
};

const fired = (file: string) => ({ file, line: 1, column: 1, message: `${file} changed the API, but neither of docs/api.md, CHANGELOG.md changed.` });
const coChange = (dir: string, args: string[]) => {
  const report = checkJson(dir, ["--only", RULE, ...args]);
  return { code: report.code, findings: findingsOf(report, RULE) };
};

describe("co-change rule files", () => {
  it("--staged: an API change without the doc fails once per changed API file; with the doc it passes", () => {
    const dir = makeRepo(files);
    writeFiles(dir, { "src/api/orders.ts": "export const orders = 2;\n", "src/api/users.ts": "export const users = 2;\n", "src/api/orders.test.ts": "export const t = 1;\n" });
    rmSync(join(dir, "src/api/users.ts"));
    writeFiles(dir, { "src/api/accounts.ts": "export const accounts = 1;\n" });
    execGit(dir, ["add", "-A"]);
    // The test file is ignored; a deleted API file is still named.
    expect(coChange(dir, ["--staged"])).toEqual({ code: 1, findings: [fired("src/api/accounts.ts"), fired("src/api/orders.ts"), fired("src/api/users.ts")] });
    // Unstaged doc edits do not count for --staged.
    writeFiles(dir, { "docs/api.md": "# API\n\nOrders are 2.\n" });
    expect(coChange(dir, ["--staged"]).findings).toHaveLength(3);
    execGit(dir, ["add", "docs/api.md"]);
    expect(coChange(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
    // A whole-tree run has no change: quiet.
    expect(coChange(dir, [])).toEqual({ code: 0, findings: [] });
  });

  it("--since and --commit judge the commits' files", () => {
    const dir = makeRepo(files);
    const start = execGit(dir, ["rev-parse", "HEAD"]).trim();
    writeFiles(dir, { "src/api/orders.ts": "export const orders = 3;\n", "CHANGELOG.md": "- orders are 3\n" });
    commitAll(dir, "API change with its changelog");
    expect(coChange(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
    writeFiles(dir, { "src/api/users.ts": "export const users = 3;\n", "src/core/clock.ts": "export const now = 2;\n" });
    commitAll(dir, "API change alone");
    expect(coChange(dir, ["--commit", "HEAD"])).toEqual({ code: 1, findings: [fired("src/api/users.ts")] });
    // Since the start, the changelog changed too.
    expect(coChange(dir, ["--since", start])).toEqual({ code: 0, findings: [] });
    expect(coChange(dir, ["--since", "HEAD~1"]).findings).toEqual([fired("src/api/users.ts")]);
    // A rename counts on both sides: the old path and the new one.
    execGit(dir, ["mv", "src/api/orders.ts", "src/api/sales.ts"]);
    commitAll(dir, "rename");
    expect(coChange(dir, ["--commit", "HEAD"]).findings).toEqual([fired("src/api/orders.ts"), fired("src/api/sales.ts")]);
    // A change outside `when` never fires.
    writeFiles(dir, { "src/core/clock.ts": "export const now = 3;\n" });
    commitAll(dir, "core only");
    expect(coChange(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("its examples run under `guard rules test`: a list of changed paths or { changed }", () => {
    const dir = makeRepo(files);
    expect(runGuard(dir, ["rules", "test"]).code).toBe(0);
    writeFiles(dir, { ".guard/rules/api-docs.yaml": rule.replace("  bad: [[src/api/orders.ts]]", "  bad: [[src/api/orders.ts, CHANGELOG.md]]") });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/api-docs[\s\S]*src\/api\/orders\.ts changed together with CHANGELOG\.md/);
  });
});
