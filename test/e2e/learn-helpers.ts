import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { parse } from "yaml";
import { checkJson, commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles, type FileTree, type GuardRun } from "../helpers/repo.js";

/** Shared steps of the `guard learn` scenario tests: a history clean → bad agent commit → fix. */

const clones: string[] = [];
afterAll(() => {
  for (const dir of clones.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface History {
  dir: string;
  bad: string;
  fix: string;
}

/** A repo whose history is: the clean files, the agent's commit (`bad`), and the fix commit. */
export function history(clean: FileTree, bad: FileTree, fix: FileTree, options: { badRemoves?: string[]; fixRemoves?: string[] } = {}): History {
  const dir = makeRepo(clean);
  writeFiles(dir, bad);
  for (const path of options.badRemoves ?? []) rmSync(join(dir, path));
  commitAll(dir, "agent: add the feature");
  writeFiles(dir, fix);
  for (const path of options.fixRemoves ?? []) rmSync(join(dir, path));
  commitAll(dir, "Fix the agent's mistake");
  return { dir, bad: rev(dir, "HEAD^"), fix: rev(dir, "HEAD") };
}

export function rev(dir: string, name: string): string {
  return execGit(dir, ["rev-parse", name]).trim();
}

export interface Learned {
  run: GuardRun;
  /** Repo-relative path of the written rule file. */
  source: string;
  id: string;
  rule: Record<string, unknown>;
}

/** `guard learn … --yes`; fails loudly unless it wrote a rule. */
export function learnYes(dir: string, args: string[] = ["--commit", "HEAD"]): Learned {
  const run = runGuard(dir, ["learn", ...args, "--yes"]);
  const source = /^wrote (.+)$/m.exec(run.stdout)?.[1];
  if (run.code !== 0 || !source) throw new Error(`guard learn exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  const rule = parse(readFileSync(join(dir, source), "utf8")) as Record<string, unknown>;
  return { run, source, id: String(rule.id), rule };
}

/** Findings of one rule when the given rule file is checked against a checkout of `revision` (a clone, so the repo stays as it is). */
export function findingsAtRevision(dir: string, revision: string, source: string, id: string) {
  const clone = mkdtempSync(join(tmpdir(), "guard-learn-clone-"));
  clones.push(clone);
  execGit(tmpdir(), ["clone", "-q", dir, clone]);
  execGit(clone, ["checkout", "-q", revision]);
  mkdirSync(dirname(join(clone, source)), { recursive: true });
  writeFileSync(join(clone, source), readFileSync(join(dir, source)));
  return findingsOf(checkJson(clone, ["--only", id]), id);
}

/** Writes files, checks the whole tree, and removes the files again. */
export function findingsWith(dir: string, files: FileTree, id: string) {
  writeFiles(dir, files);
  try {
    return findingsOf(checkJson(dir, ["--only", id]), id);
  } finally {
    for (const path of Object.keys(files)) rmSync(join(dir, path));
  }
}

/** `guard check` at HEAD is clean, and `guard rules test` passes the new rule with at least one example. */
export function expectCleanAndTested(dir: string, id: string): void {
  const report = checkJson(dir);
  expect(report.diagnostics).toEqual([]);
  expect(report.code).toBe(0);
  const test = runGuard(dir, ["rules", "test", "--format", "json"]);
  expect(test.code, test.stdout + test.stderr).toBe(0);
  const result = JSON.parse(test.stdout) as { rules: { id: string; examples: { passed: boolean }[] }[]; summary: { failed: number } };
  expect(result.summary.failed).toBe(0);
  const ours = result.rules.find((rule) => rule.id === id);
  expect(ours?.examples.length).toBeGreaterThan(0);
}
