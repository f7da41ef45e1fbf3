import { describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles } from "../../helpers/repo.js";

const RULE = "feature-list";
const rule = [
  "kind: json-fields",
  'files: ["features.json"]',
  "mutable: ['$[*].passes']",
  "transitions: { passes: [[false, true]] }",
  "message: Only a feature's passes flag may change.",
  "fix: Restore the feature list and make the feature pass instead.",
  "examples:",
  "  bad:",
  "    - { before: '[{\"d\": \"a\", \"passes\": false}]', after: '[{\"d\": \"b\", \"passes\": false}]' }",
  "    - { before: '[{\"d\": \"a\", \"passes\": true}]', after: '[{\"d\": \"a\", \"passes\": false}]' }",
  "  good:",
  "    - { before: '[{\"d\": \"a\", \"passes\": false}]', after: '[{\"d\": \"a\", \"passes\": true}]' }",
  "    - { after: '[]' }",
  "",
].join("\n");

const features = (entries: { description: string; passes: boolean }[]) => JSON.stringify(entries, null, 2) + "\n";
const start = [
  { description: "login works", passes: false },
  { description: "cart keeps items", passes: true },
  { description: "checkout charges once", passes: false },
];

const files = { ".guard/rules/feature-list.yaml": rule, "features.json": features(start), "notes.json": "{}\n" };

const judged = (dir: string, args: string[]) => {
  const report = checkJson(dir, ["--only", RULE, ...args]);
  return { code: report.code, findings: findingsOf(report, RULE) };
};

describe("json-fields rule files", () => {
  it("--staged: an edited description and a passes flag turned back fire at their lines; true passes flags are quiet", () => {
    const dir = makeRepo(files);
    const edited = structuredClone(start);
    edited[0]!.passes = true;
    edited[1]!.passes = false;
    edited[2]!.description = "checkout charges";
    writeFiles(dir, { "features.json": features(edited) });
    execGit(dir, ["add", "-A"]);
    expect(judged(dir, ["--staged"])).toEqual({
      code: 1,
      findings: [
        { file: "features.json", line: 8, column: 15, message: "Only a feature's passes flag may change. ($[1].passes changed from true to false; allowed: false → true)" },
        { file: "features.json", line: 11, column: 20, message: 'Only a feature\'s passes flag may change. ($[2].description changed from "checkout charges once" to "checkout charges"; only $[*].passes may change)' },
      ],
    });
    // Without a change there is nothing to judge.
    expect(judged(dir, [])).toEqual({ code: 0, findings: [] });
    const fixed = structuredClone(start);
    fixed[0]!.passes = true;
    writeFiles(dir, { "features.json": features([...fixed, { description: "refunds", passes: false }]) });
    execGit(dir, ["add", "-A"]);
    // A flag to true and a feature added at the end are allowed.
    expect(judged(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
  });

  it("--commit and --since: a removed entry fires unless allowRemove; a deleted file fires; a new file is quiet", () => {
    const dir = makeRepo(files);
    const base = execGit(dir, ["rev-parse", "HEAD"]).trim();
    writeFiles(dir, { "features.json": features([start[0]!, start[2]!]) });
    commitAll(dir, "drop a test");
    const removed = { file: "features.json", line: 6, column: 3, message: 'Only a feature\'s passes flag may change. ($[1] removed (was {"description":"cart keeps items","passes":true}); entries may not be removed)' };
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 1, findings: [removed] });
    expect(judged(dir, ["--since", base])).toEqual({ code: 1, findings: [removed] });
    rmSync(join(dir, "features.json"));
    writeFiles(dir, { "other/features.json": "[]\n" });
    commitAll(dir, "delete the list");
    expect(judged(dir, ["--commit", "HEAD"]).findings).toEqual([{ file: "features.json", line: 1, column: 1, message: "Only a feature's passes flag may change. (the file was deleted)" }]);
    // With allowRemove both are fine.
    writeFiles(dir, { ".guard/rules/feature-list.yaml": rule.replace("message:", "allowRemove: true\nmessage:") });
    expect(judged(dir, ["--since", base])).toEqual({ code: 0, findings: [] });
    // A new file has nothing to keep.
    writeFiles(dir, { "features.json": features(start) });
    commitAll(dir, "a new list");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("a new side that is not JSON is one finding at the error; an old side that was not JSON is quiet", () => {
    const dir = makeRepo(files);
    writeFiles(dir, { "features.json": '[\n  {"description": "login works",\n' });
    commitAll(dir, "broken");
    const broken = judged(dir, ["--commit", "HEAD"]);
    expect(broken.code).toBe(1);
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]!.message).toMatch(/\(the file is not valid JSON: .+\)$/);
    expect(broken.findings[0]!.line).toBe(3);
    writeFiles(dir, { "features.json": features(start) });
    commitAll(dir, "repaired");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("objects: a key path with .* lets a new object of only mutable keys in; a long string shows where it differs", () => {
    const pkgRule = ["kind: json-fields", 'files: ["package.json"]', "mutable: [$.version, $.dependencies.*]", "message: Only versions change.", "fix: Keep the rest.", ""].join("\n");
    const long = "node -e \"" + "x".repeat(90);
    const dir = makeRepo({ ".guard/rules/pkg.yaml": pkgRule, "package.json": JSON.stringify({ name: "a", version: "1.0.0", scripts: { build: long + "1" } }, null, 2) });
    writeFiles(dir, { "package.json": JSON.stringify({ name: "a", version: "1.0.1", scripts: { build: long + "2" }, dependencies: { run: "^2.0.0" } }, null, 2) });
    commitAll(dir, "bump");
    const report = checkJson(dir, ["--only", "pkg", "--commit", "HEAD"]);
    expect(findingsOf(report, "pkg")).toEqual([
      { file: "package.json", line: 5, column: 14, message: 'Only versions change. ($.scripts.build changed from …"xxxxxxxxxxxxxxxxxxxx1" to …"xxxxxxxxxxxxxxxxxxxx2"; only $.version, $.dependencies.* may change)' },
    ]);
  });

  it("odd files never crash it: JSON nested 100,000 deep is skipped, a BOM is read, a binary side is skipped", () => {
    const deep = (leaf: string) => "[".repeat(100_000) + leaf + "]".repeat(100_000);
    const dir = makeRepo({ ...files, "features.json": deep("1") });
    writeFiles(dir, { "features.json": deep("2") });
    commitAll(dir, "deep");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
    writeFiles(dir, { "features.json": "\uFEFF" + features(start) });
    commitAll(dir, "bom");
    writeFiles(dir, { "features.json": "\uFEFF" + features([{ ...start[0]!, description: "login" }, start[1]!, start[2]!]) });
    commitAll(dir, "bom edit");
    expect(judged(dir, ["--commit", "HEAD"]).findings.map((finding) => [finding.line, finding.column])).toEqual([[3, 20]]);
    writeFiles(dir, { "features.json": Buffer.from([0, 1, 2, 0, 255]) });
    commitAll(dir, "binary");
    expect(judged(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("a JSONPath outside the subset, or a transition for no mutable field, is a rule-file error with file:line:col", () => {
    const dir = makeRepo(files);
    writeFiles(dir, { ".guard/rules/feature-list.yaml": rule.replace("mutable: ['$[*].passes']", "mutable:\n  - $[*].passes\n  - $..status") });
    let run = runGuard(dir, ["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".guard/rules/feature-list.yaml:5:5");
    expect(run.stderr).toContain('invalid JSONPath "$..status"');
    writeFiles(dir, { ".guard/rules/feature-list.yaml": rule.replace("{ passes:", "{ pases:") });
    run = runGuard(dir, ["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".guard/rules/feature-list.yaml:4:16");
    expect(run.stderr).toContain("passes");
    // An example that is not { before, after }.
    writeFiles(dir, { ".guard/rules/feature-list.yaml": rule.replace("    - { after: '[]' }", "    - just some text") });
    run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".guard/rules/feature-list.yaml:13:7");
    expect(run.stderr).toContain("examples.good[1] is not a json-fields example");
  });

  it("its examples run under `guard rules test`, and `guard rules list` shows the kind", () => {
    const dir = makeRepo(files);
    expect(runGuard(dir, ["rules", "test"]).code).toBe(0);
    expect(runGuard(dir, ["rules", "list"]).stdout).toMatch(/feature-list\s+json-fields/);
    writeFiles(dir, { ".guard/rules/feature-list.yaml": rule.replace('after: \'[{"d": "a", "passes": true}]\'', 'after: \'[{"d": "c", "passes": true}]\'') });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/feature-list[\s\S]*\$\[0\]\.d changed from "a" to "c"/);
    // The example is shown as its two texts.
    expect(run.stdout + run.stderr).toContain('"[{\\"d\\": \\"a\\", \\"passes\\": false}]" → "[{\\"d\\": \\"c\\", \\"passes\\": true}]"');
  });
});
