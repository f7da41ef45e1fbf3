import { spawnSync } from "node:child_process";
import { UsageError } from "../core/errors.js";

const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs one git command in `cwd`; returns stdout as a Buffer, or undefined when git fails. */
export function gitBuffer(cwd: string, args: string[], input?: Buffer | string): Buffer | undefined {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, input, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout;
}

export function gitText(cwd: string, args: string[]): string | undefined {
  return gitBuffer(cwd, args)?.toString("utf8");
}

/** The top folder of the git work tree holding `cwd`, or undefined outside git. */
export function gitTopLevel(cwd: string): string | undefined {
  return gitText(cwd, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

/** `git grep`: its output, "" when nothing matched (exit 1), undefined when git failed. */
export function gitGrep(cwd: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  if (result.error) return undefined;
  if (result.status === 1 && result.stderr === "") return "";
  return result.status === 0 ? result.stdout : undefined;
}

/** Like gitText, but a failure is the user's problem (a bad `--since` revision): exit 2. */
export function gitRequired(cwd: string, args: string[], what: string): string {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8" });
  if (result.error || result.status !== 0) {
    const reason = (result.stderr || result.error?.message || "").split("\n")[0];
    throw new UsageError(`${what}: ${reason || "git failed"}`, {
      expected: "a git repository and a revision that exists (a branch, tag or commit)",
    });
  }
  return result.stdout;
}
