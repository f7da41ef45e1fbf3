import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard, type FileTree } from "../helpers/repo.js";
import { STACK_TRACE } from "./support.js";

const placement = (extra: string[] = []) =>
  ["kind: placement", 'match: ["src/**/*.ts"]', "in: [src/lib]", "message: Code outside src/lib", "fix: Move it into src/lib.", ...extra].join("\n") + "\n";

const repo = (files: FileTree) => makeRepo({ "AGENTS.md": "# Map\n", "src/utils/date.ts": "export const a = 1;\n", ...files });

/** `guard check` on a repo with one malformed rule file: exit 2, the located message, no stack trace. */
function ruleFileError(path: string, text: string, extra: FileTree = {}): string {
  const run = runGuard(repo({ [path]: text, ...extra }), ["check", "--only", "agents/max-lines"]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return run.stderr;
}

describe("a malformed rule file exits 2 with file:line:col, what was expected, and a suggestion", () => {
  const file = ".guard/rules/learned/no-utils.yaml";
  it.each([
    ["bad YAML", "kind: placement\nmatch: [src/**\nfix: x\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:\d+:\d+: invalid YAML: /],
    ["an unknown key", placement(["mach: [x]"]), /^guard: \.guard\/rules\/learned\/no-utils\.yaml:6:1: unknown key "mach" in a placement rule\n[\s\S]*did you mean "match"\?/],
    ["a missing fix", "kind: placement\nmatch: [a]\nin: [b]\nmessage: m\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:1:1: a placement rule needs `fix:`\n  expected: a non-empty string: what to do instead/],
    ["a missing kind field", "kind: placement\nmatch: [a]\nmessage: m\nfix: f\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:1:1: a placement rule needs `in:`/],
    ["an unknown kind", "kind: placment\nmessage: m\nfix: f\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:1:7: unknown kind "placment"\n[\s\S]*did you mean "placement"\?/],
    ["pattern and rule both", "kind: pattern\npattern: moment($$$A)\nrule: { pattern: moment() }\nmessage: m\nfix: f\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:3:1: a pattern rule has both `pattern:` and `rule:`\n  expected: exactly one of/],
    ["neither pattern nor rule", "kind: pattern\nmessage: m\nfix: f\n", /^guard: \.guard\/rules\/learned\/no-utils\.yaml:1:1: a pattern rule needs `pattern:` or `rule:`/],
    ["a regex that does not compile", 'kind: text\nmessage: m\nfix: f\nregex: "version: (\\\\d+"\n', /^guard: \.guard\/rules\/learned\/no-utils\.yaml:4:8: invalid regex: Invalid regular expression: .*Unterminated group\n  expected: a JavaScript regular expression/],
    ["an id that is not the path's", `id: learned/no-helpers\n${placement()}`, /^guard: \.guard\/rules\/learned\/no-utils\.yaml:1:5: id "learned\/no-helpers" does not match the file's path, which gives "learned\/no-utils"\n[\s\S]*suggestion: remove the `id:` line/],
    ["a wrong severity", placement(["severity: warning"]), /^guard: \.guard\/rules\/learned\/no-utils\.yaml:6:11: invalid value for severity\n  expected: one of: error, warn, off/],
    ["an example of the wrong form", placement(["examples:", "  bad: [{ path: src/a.ts }]"]), /^guard: \.guard\/rules\/learned\/no-utils\.yaml:7:9: examples\.bad\[0\] is not a placement example\n  expected: a repo path string/],
  ])("%s", (_what, text, message) => {
    expect(ruleFileError(file, text)).toMatch(message);
  });

  it("a rule file may not take a built-in rule's id", () => {
    expect(ruleFileError(".guard/rules/docs/orphan.yaml", placement())).toMatch(
      /^guard: \.guard\/rules\/docs\/orphan\.yaml:1:1: the rule file \.guard\/rules\/docs\/orphan\.yaml takes the id "docs\/orphan" of a built-in rule\n[\s\S]*suggestion: rename the file/,
    );
  });

  it("guard.yaml naming a rule that is neither built in nor a rule file is located there", () => {
    const stderr = ruleFileError(".guard/rules/learned/no-utils.yaml", placement(), { "guard.yaml": "rules:\n  learned/no-util: warn\n" });
    expect(stderr).toMatch(/^guard: guard\.yaml:2:3: unknown rule "learned\/no-util"\n[\s\S]*did you mean "learned\/no-utils"\?/);
  });
});

describe("rule files in a repo", () => {
  it("rules list shows each rule file with its kind, severity after guard.yaml, and source", () => {
    const dir = repo({
      "guard.yaml": "rules:\n  learned/no-utils: warn\n",
      ".guard/rules/learned/no-utils.yaml": placement(),
      ".guard/rules/team/docs-home.yml": 'kind: placement\nseverity: off\nmatch: ["**/*.md"]\nin: [docs, "*.md"]\nmessage: Docs live under docs/\nfix: Move it.\n',
    });
    const list = runGuard(dir, ["rules", "list", "--format", "json"]);
    expect(list.code).toBe(0);
    const rows = (JSON.parse(list.stdout) as { rules: { id: string }[] }).rules;
    expect(rows.filter((row) => !row.id.includes("/") || /^(learned|team)\//.test(row.id))).toEqual([
      { id: "learned/no-utils", kind: "placement", severity: "warn", source: ".guard/rules/learned/no-utils.yaml", description: "Code outside src/lib" },
      { id: "team/docs-home", kind: "placement", severity: "off", source: ".guard/rules/team/docs-home.yml", description: "Docs live under docs/" },
    ]);
    expect(rows.find((row) => row.id === "docs/orphan")).toMatchObject({ kind: "built-in", source: "rules/docs/orphan.md" });
    const text = runGuard(dir, ["rules", "list"]).stdout;
    expect(text).toMatch(/^learned\/no-utils +placement +warn +\.guard\/rules\/learned\/no-utils\.yaml +Code outside src\/lib$/m);
  });

  it("guard.yaml overrides a rule file's severity both ways, and --only takes the id and its family", () => {
    const dir = repo({
      "guard.yaml": "rules:\n  learned/no-utils: warn\n  team/docs-home: error\n",
      ".guard/rules/learned/no-utils.yaml": placement(),
      ".guard/rules/team/docs-home.yaml": 'kind: placement\nseverity: off\nmatch: ["notes/**"]\nin: [docs]\nmessage: "{file} belongs under docs/"\nfix: Move it under docs/.\n',
      "notes/todo.md": "# Todo\n",
    });
    const family = checkJson(dir, ["--only", "learned"]);
    expect(family.code).toBe(0);
    expect(family.diagnostics.map((d) => [d.rule, d.severity, d.file])).toEqual([["learned/no-utils", "warn", "src/utils/date.ts"]]);
    const both = checkJson(dir, ["--only", "learned/no-utils,team"]);
    expect(both.code).toBe(1);
    expect(findingsOf(both, "team/docs-home")).toEqual([{ file: "notes/todo.md", line: 1, column: 1, message: "notes/todo.md belongs under docs/" }]);
    expect(both.diagnostics.map((d) => d.severity)).toEqual(["error", "warn"]);
  });

  it("a rule file at severity off does not run, and --only with an unknown id suggests the rule file", () => {
    const dir = repo({ ".guard/rules/learned/no-utils.yaml": placement(["severity: off"]) });
    const report = checkJson(dir, ["--only", "learned"]);
    expect(report.diagnostics).toEqual([]);
    const run = runGuard(dir, ["check", "--only", "learned/no-util"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/did you mean "learned\/no-utils"\?/);
  });

  it("explain prints the rule file's message, why, examples, fix and path", () => {
    const dir = repo({
      ".guard/rules/learned/no-utils.yaml": placement(["why: Learned from a3f9c1e, an agent added src/utils/.", "examples:", "  bad: [src/utils/date.ts]", "  good: [src/lib/date.ts]"]),
    });
    const run = runGuard(dir, ["explain", "learned/no-utils"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "# learned/no-utils",
        "",
        "Code outside src/lib",
        "",
        "Kind: placement. Default severity: error. Defined in .guard/rules/learned/no-utils.yaml.",
        "",
        "## Why",
        "",
        "Learned from a3f9c1e, an agent added src/utils/.",
        "",
        "## Bad",
        "",
        "- src/utils/date.ts",
        "",
        "## Good",
        "",
        "- src/lib/date.ts",
        "",
        "## Fix",
        "",
        "Move it into src/lib.",
        "",
      ].join("\n"),
    );
  });

  it("rule dirs from guard.yaml are read; a missing one is fine; a symlink out of the repo is skipped", () => {
    const outside = makeRepo({ "evil.yaml": placement() }, { git: false });
    const dir = repo({
      "guard.yaml": "ruleDirs: [rules-local, not-there]\n",
      "rules-local/placement/no-utils.yaml": placement(),
      "rules-local/outside.yaml": { symlink: `${outside}/evil.yaml` },
    });
    const report = checkJson(dir, ["--only", "placement,agents/max-lines"]);
    expect(report.diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual(["placement/no-utils src/utils/date.ts"]);
    const list = JSON.parse(runGuard(dir, ["rules", "list", "--format", "json"]).stdout) as { rules: { id: string }[] };
    expect(list.rules.map((row) => row.id).filter((id) => id.startsWith("placement") || id === "outside")).toEqual(["placement/no-utils"]);
  });
});
