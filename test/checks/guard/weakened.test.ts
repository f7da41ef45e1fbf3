import { describe, expect, it } from "vitest";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles } from "../../helpers/repo.js";
import { rmSync } from "node:fs";
import { join } from "node:path";

const RULE = "guard/weakened";
const weakened = (dir: string, args: string[]) => {
  const report = checkJson(dir, ["--only", RULE, ...args]);
  return { code: report.code, findings: findingsOf(report, RULE) };
};

const config = [
  'exclude: ["dist/**"]',
  "layers:",
  '  - { name: core, paths: ["src/core/**"] }',
  '  - { name: ui, paths: ["src/ui/**"] }',
  "rules:",
  "  arch/layer: error",
  "  docs/max-lines: warn",
  "maxFileLines: 300",
  "",
].join("\n");

const textRule = (regex: string, extra: string[] = []) =>
  ["kind: text", ...extra, 'files: ["**/*.md"]', `regex: "${regex}"`, `message: No ${regex}.`, "fix: Remove it.", ""].join("\n");

const base = {
  "guard.yaml": config,
  ".guard/rules/no-x.yaml": textRule("XXX"),
  ".guard/rules/no-y.yaml": textRule("YYY"),
  "AGENTS.md": "# Map\n",
  "src/core/a.ts": "export const a = 1;\n",
  "src/ui/b.ts": "export const b = 1;\n",
};

/** Each weakening the rule knows, in one change. */
const weakenedConfig = [
  'exclude: ["dist/**", "src/legacy/**"]',
  "layers:",
  '  - { name: core, paths: ["src/core/**"] }',
  "rules:",
  "  arch/layer: warn",
  "  docs/max-lines: off",
  "  docs/orphan: off",
  "maxFileLines: 0",
  "",
].join("\n");

const expected = [
  { file: ".guard/rules/no-x.yaml", line: 2, column: 11, message: "`severity` lowered from error to warn" },
  { file: ".guard/rules/no-x.yaml", line: 3, column: 10, message: "`ignore` adds `docs/**`, so less is checked" },
  { file: ".guard/rules/no-y.yaml", line: 1, column: 1, message: "rule file .guard/rules/no-y.yaml deleted, so its checks no longer run" },
  { file: "guard.yaml", line: 1, column: 22, message: "`exclude` adds `src/legacy/**`, so less is checked" },
  { file: "guard.yaml", line: 2, column: 1, message: "`layers` no longer includes `ui`, so less is checked" },
  { file: "guard.yaml", line: 5, column: 15, message: "`rules.arch/layer` lowered from error to warn" },
  { file: "guard.yaml", line: 6, column: 19, message: "`rules.docs/max-lines` lowered from warn to off" },
  { file: "guard.yaml", line: 7, column: 16, message: "`rules.docs/orphan` turned off" },
  { file: "guard.yaml", line: 8, column: 15, message: "`maxFileLines` set to 0 (was 300), which turns the limit off" },
];

function weaken(dir: string): void {
  writeFiles(dir, { "guard.yaml": weakenedConfig, ".guard/rules/no-x.yaml": textRule("XXX", ["severity: warn", 'ignore: ["docs/**"]']) });
  rmSync(join(dir, ".guard/rules/no-y.yaml"));
  execGit(dir, ["add", "-A"]);
}

describe("guard/weakened", () => {
  it("catches each weakening with --staged, --commit and --since, at the changed key", () => {
    const dir = makeRepo(base);
    weaken(dir);
    const staged = weakened(dir, ["--staged"]);
    expect(staged.code).toBe(1);
    expect(staged.findings).toEqual(expected);
    expect(weakened(dir, ["--staged", "--allow-weaken"])).toEqual({ code: 0, findings: [] });

    commitAll(dir, "Make guard quieter");
    expect(weakened(dir, ["--commit", "HEAD"]).findings).toEqual(expected);
    expect(weakened(dir, ["--since", "HEAD~1"]).findings).toEqual(expected);
    expect(weakened(dir, ["--commit", "HEAD", "--allow-weaken"]).findings).toEqual([]);
    // A whole-tree run has no change to judge.
    expect(weakened(dir, [])).toEqual({ code: 0, findings: [] });
  });

  it("lets a change approved with a Guard-Approved trailer pass (--commit and --since)", () => {
    const dir = makeRepo(base);
    weaken(dir);
    execGit(dir, ["commit", "-q", "-m", "Relax the layer rule\n\nThe ui layer moves to its own package.\n\nguard-approved: Jane Doe <jane@example.com>"]);
    expect(weakened(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
    commitAll(dir, "Unrelated follow-up");
    expect(weakened(dir, ["--since", "HEAD~2"])).toEqual({ code: 0, findings: [] });
    // An approval that names nobody approves nothing.
    execGit(dir, ["reset", "-q", "--soft", "HEAD~2"]);
    execGit(dir, ["commit", "-q", "-m", "Relax\n\nGuard-Approved:   "]);
    expect(weakened(dir, ["--commit", "HEAD"]).findings).toEqual(expected);
  });

  it("is quiet on a change that makes guard stricter, and on a rule file moved within the rule dirs", () => {
    const dir = makeRepo(base);
    writeFiles(dir, {
      "guard.yaml": [
        "exclude: []",
        "layers:",
        '  - { name: core, paths: ["src/core/**", "src/types/**"] }',
        '  - { name: ui, paths: ["src/ui/**"] }',
        "rules:",
        "  arch/layer: error",
        "  docs/max-lines: error",
        "  arch/unlayered: error",
        "maxFileLines: 200",
        "",
      ].join("\n"),
      ".guard/rules/no-z.yaml": textRule("ZZZ"),
      ".guard/rules/moved/no-y.yaml": textRule("YYY"),
      ".guard/rules/no-x.yaml": textRule("XXX", ["severity: error"]),
    });
    rmSync(join(dir, ".guard/rules/no-y.yaml"));
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
    commitAll(dir, "Stricter");
    expect(weakened(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });
  });

  it("is quiet before the first commit, on a root commit, and when a side's YAML is malformed", () => {
    const dir = makeRepo(base, { commit: false });
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
    commitAll(dir, "initial");
    expect(weakened(dir, ["--commit", "HEAD"])).toEqual({ code: 0, findings: [] });

    writeFiles(dir, { "guard.yaml": "rules: [\n" });
    commitAll(dir, "broken config");
    writeFiles(dir, { "guard.yaml": config });
    commitAll(dir, "fixed config");
    // Neither the broken commit nor its fix is judged on a config that cannot be read; no crash.
    expect(weakened(dir, ["--commit", "HEAD~1"]).findings).toEqual([]);
    expect(weakened(dir, ["--commit", "HEAD"]).findings).toEqual([]);
  });

  it("reads a config in a subfolder of the git repository, with paths relative to it", () => {
    const dir = makeRepo({ "README.md": "# Top\n", ...Object.fromEntries(Object.entries(base).map(([path, text]) => [`app/${path}`, text])) });
    rmSync(join(dir, "app/.guard/rules/no-x.yaml"));
    writeFiles(dir, { "app/guard.yaml": config.replace('"dist/**"', '"dist/**", "tmp/**"') });
    commitAll(dir, "Quieter app");
    expect(weakened(join(dir, "app"), ["--commit", "HEAD"]).findings).toEqual([
      { file: ".guard/rules/no-x.yaml", line: 1, column: 1, message: "rule file .guard/rules/no-x.yaml deleted, so its checks no longer run" },
      { file: "guard.yaml", line: 1, column: 22, message: "`exclude` adds `tmp/**`, so less is checked" },
    ]);
  });

  it("catches entries a change adds to the baseline, and lets one that only removes entries pass", () => {
    const limits = "agents:\n  maxLines: 3\n";
    const dir = makeRepo({ "guard.yaml": limits, "AGENTS.md": "1\n2\n3\n4\n", "pkg/AGENTS.md": "1\n" });
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    commitAll(dir, "Adopt guard with a baseline");
    writeFiles(dir, { "pkg/AGENTS.md": "1\n2\n3\n4\n5\n" });
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    execGit(dir, ["add", "-A"]);
    const line = execGit(dir, ["show", ":.guard/baseline.json"]).split("\n").findIndex((text) => text.includes('"file":"pkg/AGENTS.md"')) + 1;
    expect(weakened(dir, ["--staged"]).findings).toEqual([
      { file: ".guard/baseline.json", line, column: 1, message: "the baseline adds a finding of agents/max-lines in pkg/AGENTS.md, so it no longer fails" },
    ]);
    commitAll(dir, "Record more debt");
    writeFiles(dir, { "AGENTS.md": "1\n", "pkg/AGENTS.md": "1\n" });
    expect(runGuard(dir, ["baseline"]).code).toBe(0);
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
  });
});

describe("guard/weakened cannot be silenced by the change it judges", () => {
  it("runs when the staged config turns it off, and stays quiet where it was off before", () => {
    const dir = makeRepo(base);
    const off = (rules: string[]) => config.replace("  arch/layer: error\n  docs/max-lines: warn\n", `${rules.map((r) => `  ${r}\n`).join("")}`);
    writeFiles(dir, { "guard.yaml": off(["arch/layer: warn", "docs/max-lines: warn", "guard/weakened: off"]) });
    execGit(dir, ["add", "-A"]);
    const first = checkJson(dir, ["--staged"]);
    expect(findingsOf(first, RULE).map((f) => f.message)).toEqual([
      "`rules.arch/layer` lowered from error to warn",
      "`rules.guard/weakened` turned off",
    ]);
    expect(first.code).toBe(1);
    commitAll(dir, "turn it off\n\nGuard-Approved: Jane");
    writeFiles(dir, { "guard.yaml": off(["arch/layer: warn", "docs/max-lines: off", "guard/weakened: off"]) });
    execGit(dir, ["add", "-A"]);
    expect(findingsOf(checkJson(dir, ["--staged"]), RULE)).toEqual([]);
  });

  it("catches a json-fields rule that lets more change: a mutable path added, allowRemove turned on", () => {
    const jsonRule = (extra: string[]) =>
      ["kind: json-fields", 'files: ["features.json"]', "mutable:", "  - $[*].passes", ...extra, "message: Keep the list.", "fix: Restore it.", ""].join("\n");
    const dir = makeRepo({ ...base, ".guard/rules/features.yaml": jsonRule([]) });
    writeFiles(dir, { ".guard/rules/features.yaml": jsonRule(["  - $[*].description", "allowRemove: true"]) });
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"]).findings).toEqual([
      { file: ".guard/rules/features.yaml", line: 5, column: 5, message: "`mutable` adds `$[*].description`, so less is checked" },
      { file: ".guard/rules/features.yaml", line: 6, column: 14, message: "`allowRemove` raised from false to true" },
    ]);
    // allowRemove: false written out, and transitions for a field that had none, are stricter.
    writeFiles(dir, { ".guard/rules/features.yaml": jsonRule(["allowRemove: false", "transitions: { passes: [[false, true]] }"]) });
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"])).toEqual({ code: 0, findings: [] });
    commitAll(dir, "stricter");
    // A direction added, then the field's transitions removed.
    writeFiles(dir, { ".guard/rules/features.yaml": jsonRule(["allowRemove: false", "transitions: { passes: [[false, true], [true, false]] }"]) });
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"]).findings.map((finding) => finding.message)).toEqual(["`transitions.passes` adds `[true,false]`, so less is checked"]);
    writeFiles(dir, { ".guard/rules/features.yaml": jsonRule(["allowRemove: false"]) });
    execGit(dir, ["add", "-A"]);
    expect(weakened(dir, ["--staged"]).findings.map((finding) => finding.message)).toEqual(["`transitions` no longer includes `passes`, so less is checked"]);
  });
});
