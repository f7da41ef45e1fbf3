import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

/** The built CLI every test runs as a child process (override with GUARD_BIN). */
export const GUARD_BIN = process.env.GUARD_BIN ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/bin/guard.js");

export type FileTree = Record<string, string | Buffer | { symlink: string }>;

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface RepoOptions {
  /** `git init` the folder (default true). */
  git?: boolean;
  /** Commit the files after writing them (default true when git). */
  commit?: boolean;
}

/** Creates a real repository in a temp folder with the given files. */
export function makeRepo(files: FileTree, options: RepoOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "guard-test-"));
  created.push(dir);
  const git = options.git ?? true;
  if (git) {
    execGit(dir, ["init", "-q", "-b", "main"]);
    execGit(dir, ["config", "user.email", "test@example.com"]);
    execGit(dir, ["config", "user.name", "Test"]);
    execGit(dir, ["config", "commit.gpgsign", "false"]);
  }
  writeFiles(dir, files);
  if (git && (options.commit ?? true)) commitAll(dir, "initial");
  return dir;
}

/** The files under `dir` as a FileTree (contents as bytes), to copy a folder into a new repo. */
export function readTree(dir: string, prefix = ""): FileTree {
  const tree: FileTree = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(tree, readTree(join(dir, entry.name), `${path}/`));
    else tree[path] = readFileSync(join(dir, entry.name));
  }
  return tree;
}

export function writeFiles(dir: string, files: FileTree): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === "object" && !Buffer.isBuffer(content)) symlinkSync(content.symlink, full);
    else writeFileSync(full, content);
  }
}

export function execGit(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } });
}

export function commitAll(dir: string, message: string, date?: string): void {
  execGit(dir, ["add", "-A"]);
  const env = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  execGit(dir, ["commit", "-q", "--allow-empty", "-m", message], env);
}

export interface GuardRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`, as a user would. */
export function runGuard(cwd: string, args: string[], env: Record<string, string> = {}): GuardRun {
  const result = spawnSync(process.execPath, [GUARD_BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonDiagnostic {
  rule: string;
  severity: "error" | "warn";
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix: string;
  docs: string;
  evidence: Record<string, unknown>;
  related?: { file: string; line?: number; column?: number; message?: string }[];
  fingerprint: string;
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  summary: { errors: number; warnings: number; filesChecked: number };
  diagnostics: JsonDiagnostic[];
}

/** `guard check --format json` plus extra args; fails loudly when the output is not the JSON contract. */
export function checkJson(cwd: string, args: string[] = []): JsonReport & { code: number; stderr: string } {
  const run = runGuard(cwd, ["check", "--format", "json", ...args]);
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`guard exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code, stderr: run.stderr };
}

/** Diagnostics of one rule, reduced to what table tests compare. */
export function findingsOf(report: JsonReport, rule: string): { file: string; line: number; column: number; message: string }[] {
  return report.diagnostics
    .filter((d) => d.rule === rule)
    .map(({ file, line, column, message }) => ({ file, line, column, message }));
}

/** Runs `guard check --only <rule>` on a fresh repo built from `files`. */
export function checkRule(files: FileTree, rule: string, options: RepoOptions & { args?: string[] } = {}) {
  const dir = makeRepo(files, options);
  const report = checkJson(dir, ["--only", rule, ...(options.args ?? [])]);
  return { dir, report, findings: findingsOf(report, rule) };
}
