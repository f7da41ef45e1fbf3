import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAll, execGit, makeRepo, runGuard, writeFiles } from "../helpers/repo.js";

/**
 * The long-running preset: its rule files ship in the guard package (presets/long-running/),
 * load only for a repo that extends it, can be replaced by a repo file of the same id, and
 * that replacement cannot loosen them unnoticed.
 */
const MAP = "# App\n\nEach session: run `./init.sh`, read `claude-progress.txt` and `feature_list.json`.\n";
const FEATURES = '[\n  { "description": "login works", "passes": false },\n  { "description": "logout works", "passes": false }\n]\n';
const BASE = {
  "guard.yaml": "extends: [long-running]\n",
  "AGENTS.md": MAP,
  "init.sh": "#!/bin/sh\nnpm test\n",
  "feature_list.json": FEATURES,
  "claude-progress.txt": "session 1: scaffold\n",
};

const ruleIds = (dir: string): { id: string; severity: string; source: string }[] =>
  JSON.parse(runGuard(dir, ["rules", "list", "--format", "json"]).stdout).rules;

describe("the long-running preset", () => {
  it("adds its two rule files, at error, only to a repo that extends it", () => {
    const dir = makeRepo(BASE);
    const rules = ruleIds(dir).filter((rule) => rule.id.startsWith("long-running/"));
    expect(rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ["long-running/feature-list", "error"],
      ["long-running/progress-log", "error"],
    ]);
    const plain = makeRepo({ ...BASE, "guard.yaml": "extends: [recommended]\n" });
    expect(ruleIds(plain).filter((rule) => rule.id.startsWith("long-running/"))).toEqual([]);
  });

  it("is clean on a repo that follows the harness, and guard rules test passes its examples", () => {
    const dir = makeRepo(BASE);
    const report = checkJson(dir);
    expect(report.diagnostics).toEqual([]); // guard/dead-glob ignores the preset's five log names
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.stdout).toContain("long-running/feature-list");
    expect(run.code).toBe(0);
  });

  it("fires on a staged edit of a feature and of the log; a flip to passing plus an appended entry is fine", () => {
    const dir = makeRepo(BASE);
    writeFiles(dir, {
      "feature_list.json": FEATURES.replace('"passes": false', '"passes": true'),
      "claude-progress.txt": "session 1: scaffold\nsession 2: login\n",
    });
    execGit(dir, ["add", "-A"]);
    expect(checkJson(dir, ["--staged"]).diagnostics).toEqual([]);
    writeFiles(dir, {
      "feature_list.json": FEATURES.replace("logout works", "logout button shows"),
      "claude-progress.txt": "session 1: scaffold and login\n",
    });
    execGit(dir, ["add", "-A"]);
    const report = checkJson(dir, ["--staged"]);
    expect(report.diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ["long-running/progress-log", "claude-progress.txt", 1],
      ["long-running/feature-list", "feature_list.json", 3],
    ]);
    expect(report.diagnostics[1]!.message).toContain('$[1].description changed from "logout works" to "logout button shows"');
  });

  it("a repo rule file with a preset rule's id replaces it", () => {
    const override = [
      "kind: json-fields",
      'files: ["features.json"]',
      'mutable: ["$[*].passes"]',
      "message: Only passes may change.",
      "fix: Restore the list.",
      "",
    ].join("\n");
    const dir = makeRepo({ ...BASE, "features.json": FEATURES, ".guard/rules/long-running/feature-list.yaml": override });
    const rules = ruleIds(dir).filter((rule) => rule.id === "long-running/feature-list");
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe(".guard/rules/long-running/feature-list.yaml");
    writeFiles(dir, { "features.json": "[]\n", "feature_list.json": "[]\n" });
    execGit(dir, ["add", "-A"]);
    const report = checkJson(dir, ["--staged"]);
    expect(report.diagnostics.filter((d) => d.rule === "long-running/feature-list").map((d) => d.file)).toEqual(["features.json", "features.json"]);
  });

  it("guard/weakened reports a replacement that loosens the preset's rule", () => {
    const dir = makeRepo(BASE);
    const preset = readFileSync(join(process.cwd(), "presets/long-running/feature-list.yaml"), "utf8");
    writeFiles(dir, { ".guard/rules/long-running/feature-list.yaml": preset.replace('mutable: ["$[*].passes"]', 'mutable: ["$[*].passes", "$[*].description"]') });
    commitAll(dir, "loosen the feature list rule");
    const report = checkJson(dir, ["--commit", "HEAD"]);
    expect(report.diagnostics.map((d) => [d.rule, d.file, d.message])).toEqual([
      ["guard/weakened", ".guard/rules/long-running/feature-list.yaml", "`mutable` adds `$[*].description`, so less is checked"],
    ]);
    const same = makeRepo(BASE);
    writeFiles(same, { ".guard/rules/long-running/feature-list.yaml": preset });
    commitAll(same, "copy the rule unchanged");
    expect(checkJson(same, ["--commit", "HEAD"]).diagnostics).toEqual([]);
  });

  it("guard explain names the preset's file in the guard package", () => {
    const dir = makeRepo(BASE);
    const run = runGuard(dir, ["explain", "long-running/progress-log"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Kind: append-only");
    expect(run.stdout).toContain("the guard package's presets/long-running/progress-log.yaml (the long-running preset)");
  });

  it("guard init --preset long-running writes a config that extends it and reports what the map lacks", () => {
    const dir = makeRepo({ "package.json": '{ "name": "app", "scripts": { "test": "node --test" } }\n', "src/index.ts": "export const x = 1;\n" });
    const run = runGuard(dir, ["init", "--preset", "long-running"]);
    expect(readFileSync(join(dir, "guard.yaml"), "utf8")).toMatch(/^extends: \[long-running\]$/m);
    expect(run.stdout).toContain("agents/missing-mention");
  });
});
