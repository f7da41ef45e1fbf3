import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, execGit, makeRepo, runGuard } from "../helpers/repo.js";
import { lines, ONLY, STACK_TRACE } from "./support.js";

/** Runs a check in a repo whose only interesting file is the given config; expects exit 2. */
function configError(config: string, extra: Record<string, string> = {}, configName = "guard.yaml") {
  const dir = makeRepo({ [configName]: config, "AGENTS.md": "# Map\n", ...extra });
  const run = runGuard(dir, ["check", ...ONLY]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return run.stderr;
}

describe("a malformed config exits 2 with file:line:col, what was expected, and no stack trace", () => {
  it.each([
    ["bad indentation", "agents:\n  maxLines: 3\n   maps: []\n", /^guard: guard\.yaml:2:13: invalid YAML: /],
    ["a tab as indentation", "agents:\n\tmaxLines: 3\n", /^guard: guard\.yaml:2:1: invalid YAML: Tabs are not allowed as indentation/],
    ["a duplicate key", "agents:\n  maxLines: 3\n  maxLines: 4\n", /^guard: guard\.yaml:3:3: invalid YAML: Map keys must be unique/],
    ["a wrong type", "agents:\n  maxLines: many\n", /^guard: guard\.yaml:2:13: invalid value for agents\.maxLines\n  expected: a value of type number/],
    ["a list where a mapping belongs", "docs: [docs]\n", /^guard: guard\.yaml:1:7: invalid value for docs\n  expected: a value of type object/],
    ["a wrong type inside a list", "layers:\n  - name: ui\n    paths: src/ui\n", /^guard: guard\.yaml:3:12: invalid value for layers\[0\]\.paths\n  expected: a list/],
    ["an unknown key", "agents:\n  mpas: [\"AGENTS.md\"]\n", /^guard: guard\.yaml:2:3: unknown key "mpas" in agents\n[\s\S]*did you mean "maps"\?/],
    ["an unknown top-level key", "exclude: []\nrule:\n  docs/orphan: off\n", /^guard: guard\.yaml:2:1: unknown key "rule" in the top level\n[\s\S]*did you mean "rules"\?/],
    ["an unknown rule id", "rules:\n  agents/max-line: warn\n", /^guard: guard\.yaml:2:3: unknown rule "agents\/max-line"\n[\s\S]*did you mean "agents\/max-lines"\?/],
    ["an unknown severity", "rules:\n  agents/max-lines: warning\n", /^guard: guard\.yaml:2:21: invalid value for rules\.agents\/max-lines\n  expected: off, warn, error/],
    ["a misspelt severity key", "rules:\n  agents/max-lines: { severty: off }\n", /^guard: guard\.yaml:2:23: unknown key "severty" in rules\.agents\/max-lines\n[\s\S]*did you mean "severity"\?/],
    ["an unknown preset", "extends: [recomended]\n", /^guard: guard\.yaml:1:11: unknown preset "recomended"\n[\s\S]*did you mean "recommended"\?/],
    ["an alias without its anchor", "agents:\n  maps: *maps\n", /^guard: guard\.yaml:2:9: invalid YAML: Unresolved alias/],
    ["a config that is a list", "- agents\n", /^guard: guard\.yaml:1:1: the config must be a mapping of keys/],
  ])("%s", (_what, config, message) => {
    expect(configError(config)).toMatch(message);
  });

  it("an extends cycle between two local files names the chain and where it closes", () => {
    const stderr = configError("extends: [./a.yaml]\n", { "a.yaml": "extends: [./b.yaml]\n", "b.yaml": "extends:\n  - ./a.yaml\n" });
    expect(stderr).toMatch(/^guard: b\.yaml:2:5: extends forms a cycle: guard\.yaml -> a\.yaml -> b\.yaml -> a\.yaml\n/);
  });

  it("an extends path that does not exist says which file it looked for", () => {
    expect(configError("extends: [recommended, ./configs/base.yaml]\n")).toMatch(/^guard: guard\.yaml:1:24: extends: file not found: \.\/configs\/base\.yaml\n  expected: a YAML file at configs\/base\.yaml/);
  });

  it("an error inside an extended file is located in that file", () => {
    expect(configError("extends: [./base.yaml]\n", { "base.yaml": "docs:\n  maxLine: 3\n" })).toMatch(/^guard: base\.yaml:2:3: unknown key "maxLine" in docs\n[\s\S]*did you mean "maxLines"\?/);
  });

  it("errors in .guard/config.yaml are located in it", () => {
    expect(configError("agents:\n  maxLiens: 3\n", {}, ".guard/config.yaml")).toMatch(/^guard: \.guard\/config\.yaml:2:3: unknown key "maxLiens"/);
  });
});

describe("finding the config", () => {
  const map = { "AGENTS.md": lines(5) };
  const maxLinesFindings = (dir: string, args: string[] = []) =>
    checkJson(dir, ["--only", "agents/max-lines", ...args]).diagnostics.map((d) => `${d.file}:${d.line}`);

  it("uses .guard/config.yaml when guard.yaml is absent", () => {
    const dir = makeRepo({ ".guard/config.yaml": "agents:\n  maxLines: 3\n", ...map });
    expect(maxLinesFindings(dir)).toEqual(["AGENTS.md:4"]);
  });

  it("walks up from a subfolder to guard.yaml, and reports repo-relative paths", () => {
    const dir = makeRepo({ "guard.yaml": "agents:\n  maxLines: 2\n", "packages/app/src/index.ts": "export {};\n", ...map });
    expect(maxLinesFindings(join(dir, "packages/app/src"))).toEqual(["AGENTS.md:3"]);
  });

  it("stops walking up at the git top level: a guard.yaml above the repository is not this repo's", () => {
    const outer = makeRepo({ "guard.yaml": "agents:\n  maxLines: 1\n" }, { git: false });
    const inner = join(outer, "checkout");
    mkdirSync(inner);
    execGit(inner, ["init", "-q"]);
    writeFileSync(join(inner, "AGENTS.md"), lines(5));
    expect(maxLinesFindings(inner)).toEqual([]); // the default agents.maxLines is 150
  });

  it("--config uses that file; a file not named guard.yaml keeps the repository found from the working directory", () => {
    const dir = makeRepo({ "guard.yaml": "agents:\n  maxLines: 100\n", "ci/strict.yaml": "agents:\n  maxLines: 3\n", "docs/AGENTS.md": lines(4), ...map });
    expect(maxLinesFindings(dir)).toEqual([]);
    expect(maxLinesFindings(dir, ["--config", "ci/strict.yaml"])).toEqual(["AGENTS.md:4", "docs/AGENTS.md:4"]);
    expect(maxLinesFindings(join(dir, "docs"), ["-c", "../ci/strict.yaml"])).toEqual(["AGENTS.md:4", "docs/AGENTS.md:4"]);
    // A file named guard.yaml marks a repository root, wherever it is.
    const nested = makeRepo({ "guard.yaml": "agents:\n  maxLines: 100\n", "sub/guard.yaml": "agents:\n  maxLines: 3\n", "sub/AGENTS.md": lines(4), ...map });
    expect(maxLinesFindings(nested, ["--config", "sub/guard.yaml"])).toEqual(["AGENTS.md:4"]);
    const missing = runGuard(dir, ["check", "--config", "ci/nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^guard: config file not found: .*ci\/nope\.yaml/);
    expect(missing.stderr).not.toMatch(STACK_TRACE);
  });

  it("runs on defaults with no config anywhere, in or out of git", () => {
    expect(maxLinesFindings(makeRepo({ "AGENTS.md": lines(151) }))).toEqual(["AGENTS.md:151"]);
    expect(maxLinesFindings(makeRepo({ "AGENTS.md": lines(151) }, { git: false }))).toEqual(["AGENTS.md:151"]);
  });
});

describe("rule settings", () => {
  const files = (rules: string) => ({ "guard.yaml": `agents:\n  maxLines: 3\n${rules}`, "AGENTS.md": lines(5) });
  const severities = (rules: string) => checkJson(makeRepo(files(rules)), ONLY).diagnostics.map((d) => `${d.rule} ${d.severity}`);

  it("accept a severity, the { severity } object form, and off", () => {
    expect(severities("")).toEqual(["agents/max-lines error"]);
    expect(severities("rules:\n  agents/max-lines: warn\n")).toEqual(["agents/max-lines warn"]);
    expect(severities("rules:\n  agents/max-lines: { severity: warn }\n")).toEqual(["agents/max-lines warn"]);
    expect(severities("rules:\n  agents/max-lines:\n    severity: off\n")).toEqual([]);
    expect(severities("rules:\n  agents/max-lines: off\n")).toEqual([]);
  });

  it("let a repo file override a preset it extends, and a later preset override an earlier one", () => {
    expect(severities("extends: [strict]\n")).toEqual(["agents/max-lines error"]);
    expect(severities("extends: [strict]\nrules:\n  agents/max-lines: warn\n")).toEqual(["agents/max-lines warn"]);
    const dir = makeRepo({ ...files("extends: [./a.yaml, ./b.yaml]\n"), "a.yaml": "rules:\n  agents/max-lines: off\n", "b.yaml": "rules:\n  agents/max-lines: warn\n" });
    expect(checkJson(dir, ONLY).diagnostics.map((d) => d.severity)).toEqual(["warn"]);
  });
});
