import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { GUARD_BIN, makeRepo, type FileTree } from "../helpers/repo.js";

/** An AGENTS.md with an error finding (agents/dead-link) and its fixed version. */
export const BAD_MAP = "# Map\n\nSee [the guide](docs/missing.md).\n";
export const GOOD_MAP = "# Map\n\nSee [the guide](docs/guide.md).\n";
export const GUIDE = { "docs/guide.md": "# Guide\n\nHow to work here.\n" };

/**
 * A repo where harness-guard is installed as a devDependency would leave it: an executable
 * node_modules/.bin/guard. It is a shell shim running the worktree's built CLI, as pnpm (and npm
 * on Windows) writes it; npm elsewhere writes a symlink, which needs the target's x bit that a
 * tsc build does not set. node_modules is gitignored, as in a real project.
 */
export function repoWithGuard(files: FileTree = {}, folder = ""): string {
  const dir = makeRepo({ ".gitignore": "node_modules/\n*.marker\n", ...GUIDE, ...files });
  installGuardBin(join(dir, folder));
  return dir;
}

export function installGuardBin(folder: string): void {
  const bin = join(folder, "node_modules/.bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "guard"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(GUARD_BIN)} "$@"\n`);
  chmodSync(join(bin, "guard"), 0o755);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `git add -A && git commit`, the hook included (no --no-verify), as a user commits. */
export function commit(dir: string, message: string, env: Record<string, string> = {}): Run {
  spawnSync("git", ["add", "-A"], { cwd: dir });
  const result = spawnSync("git", ["commit", "-m", message], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function headSubject(dir: string): string {
  return spawnSync("git", ["log", "-1", "--format=%s"], { cwd: dir, encoding: "utf8" }).stdout.trim();
}

/** The bad map is refused with guard's finding in the output, then the fixed map goes in. */
export function expectRefusedThenAccepted(dir: string, env: Record<string, string> = {}): void {
  writeFileSync(join(dir, "AGENTS.md"), BAD_MAP);
  const refused = commit(dir, "bad map", env);
  expect(refused.code).not.toBe(0);
  // git hands a hook's stdout to its own stderr.
  expect(refused.stderr).toContain("agents/dead-link");
  expect(headSubject(dir)).toBe("initial");
  writeFileSync(join(dir, "AGENTS.md"), GOOD_MAP);
  const accepted = commit(dir, "good map", env);
  expect(accepted.code).toBe(0);
  expect(headSubject(dir)).toBe("good map");
}
