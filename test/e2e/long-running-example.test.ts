import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJson, execGit, GUARD_BIN, makeRepo, readTree, type JsonReport } from "../helpers/repo.js";

/**
 * examples/long-running: a todo app after its initializer session, and four later sessions as
 * `git format-patch` files. Replayed into a real repository, each session's commit is checked
 * the way CI checks a pushed commit (`guard check --commit`): the honest session is clean, and
 * each cheat (a reworded feature, a deleted feature, a rewritten log) is caught by its rule.
 */
const exampleDir = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "examples/long-running");
const patches = readdirSync(join(exampleDir, "sessions"))
  .filter((name) => name.endsWith(".patch"))
  .sort()
  .map((name) => join(exampleDir, "sessions", name));

const findings = (report: JsonReport) => report.diagnostics.map((d) => ({ rule: d.rule, file: d.file, message: d.message }));

describe("examples/long-running replayed as a git history", () => {
  let dir: string;
  let commits: string[];
  beforeAll(() => {
    dir = makeRepo(readTree(join(exampleDir, "initial")));
    execGit(dir, ["am", "-q", ...patches]);
    commits = execGit(dir, ["rev-list", "--reverse", "HEAD"]).trim().split("\n");
  });

  it("has the initializer commit and the four sessions", () => {
    expect(patches).toHaveLength(4);
    expect(commits).toHaveLength(5);
  });

  it("the initializer's state is clean: the map names init.sh, the feature list and the log", () => {
    execGit(dir, ["checkout", "-q", commits[0]!]);
    try {
      const report = checkJson(dir);
      expect(findings(report)).toEqual([]);
      expect(report.code).toBe(0);
    } finally {
      execGit(dir, ["checkout", "-q", "main"]);
    }
  });

  it("session 2 (a feature made to pass, a log entry appended) is clean", () => {
    const report = checkJson(dir, ["--commit", commits[1]!]);
    expect(findings(report)).toEqual([]);
  });

  it("session 3: rewording a feature it could not finish is caught, field by field", () => {
    const report = checkJson(dir, ["--commit", commits[2]!]);
    expect(report.code).toBe(1);
    const messages = findings(report).map((f) => `${f.rule} ${f.file} ${f.message}`);
    expect(messages).toEqual([
      `long-running/feature-list feature_list.json A session may only change a feature's passes flag in the feature list. ($[1].description changed from "A user can mark a todo as done and undo it" to "A user can mark a todo as done"; only $[*].passes may change)`,
      `long-running/feature-list feature_list.json A session may only change a feature's passes flag in the feature list. ($[1].steps[3] removed (was "toggle 'a' again"); entries may not be removed)`,
      `long-running/feature-list feature_list.json A session may only change a feature's passes flag in the feature list. ($[1].steps[4] removed (was "'a' is not done"); entries may not be removed)`,
    ]);
  });

  it("session 4: deleting a feature is caught", () => {
    const report = checkJson(dir, ["--commit", commits[3]!]);
    expect(report.code).toBe(1);
    const found = findings(report);
    expect(found.map((f) => f.rule)).toEqual(["long-running/feature-list"]);
    expect(found[0]!.message).toContain("$[2]");
    expect(found[0]!.message).toContain("Todos survive a restart");
  });

  it("session 5: rewriting earlier progress entries is caught, though its feature work is honest", () => {
    const report = checkJson(dir, ["--commit", commits[4]!]);
    expect(report.code).toBe(1);
    const found = findings(report);
    expect(found.map((f) => `${f.rule} ${f.file}`)).toEqual(["long-running/progress-log claude-progress.txt"]);
    expect(found[0]!.message).toContain("was edited");
    expect(found[0]!.message).toContain("marks a todo as done; feature 2 passes.");
  });

  it("a whole-tree check of the last state is clean: the change rules speak only about a change", () => {
    expect(findings(checkJson(dir))).toEqual([]);
  });

  it("replay.sh rebuilds the same history and prints each session's findings", () => {
    const target = join(mkdtempSync(join(tmpdir(), "guard-replay-")), "repo");
    const run = spawnSync("sh", [join(exampleDir, "replay.sh"), target], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", GUARD: `${process.execPath} ${GUARD_BIN}` },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const sections = run.stdout.split("\n== ").slice(1);
    expect(sections).toHaveLength(4);
    expect(sections[0]).toContain("0 errors, 0 warnings");
    expect(sections[1]).toContain("long-running/feature-list");
    expect(sections[2]).toContain("long-running/feature-list");
    expect(sections[3]).toContain("long-running/progress-log");
  });
});
