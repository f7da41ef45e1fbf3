import { spawn, spawnSync } from "node:child_process";
import { UsageError } from "../core/errors.js";

const MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * The environment of every git process guard runs: no optional locks, so a read such as
 * `git ls-files -m` never rewrites the user's index behind their back.
 */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_OPTIONAL_LOCKS: "0", ...extra };
}

/** Runs one git command in `cwd`; returns stdout as a Buffer, or undefined when git fails. */
export function gitBuffer(cwd: string, args: string[], input?: Buffer | string): Buffer | undefined {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, input, env: gitEnv() });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout;
}

export function gitText(cwd: string, args: string[]): string | undefined {
  return gitBuffer(cwd, args)?.toString("utf8");
}

/** The top folder of the git work tree holding `cwd`, or undefined outside git. */
export function gitTopLevel(cwd: string): string | undefined {
  if (early?.settled && early.cwd === cwd) return early.topLevel;
  return gitText(cwd, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

/** The launcher's `git rev-parse --show-toplevel`, run while guard loads (see prefetchGitTopLevel). */
let early: { cwd: string; settled: boolean; topLevel: string | undefined; done: Promise<void> } | undefined;

/**
 * Starts `git rev-parse --show-toplevel` in `cwd` without waiting: run while guard's code
 * loads, it costs a check nothing, where a synchronous run costs a few milliseconds of every
 * check. gitTopLevel answers from it once it is done (see gitTopLevelSettled).
 */
export function prefetchGitTopLevel(cwd: string): void {
  if (early) return;
  try {
    const child = spawn("git", ["rev-parse", "--show-toplevel"], { cwd, stdio: ["ignore", "pipe", "ignore"], env: gitEnv() });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    const entry = { cwd, settled: false, topLevel: undefined as string | undefined, done: Promise.resolve() };
    entry.done = new Promise<void>((resolve) => {
      child.on("error", () => resolve());
      child.on("close", (code) => {
        entry.topLevel = code === 0 ? out.trim() || undefined : undefined;
        entry.settled = true;
        resolve();
      });
    });
    early = entry;
  } catch {
    // gitTopLevel runs git itself.
  }
}

/** Resolves once a prefetched `rev-parse` (if any) has finished, so gitTopLevel can use it. */
export async function gitTopLevelSettled(): Promise<void> {
  await early?.done;
}

/** `git grep`: its output, "" when nothing matched (exit 1), undefined when git failed. */
export function gitGrep(cwd: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv() });
  if (result.error) return undefined;
  if (result.status === 1 && result.stderr === "") return "";
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * Which of `paths` (relative to `cwd`; they need not exist) git's ignore rules exclude, as
 * `git status` decides: every .gitignore, .git/info/exclude and the user's excludes file. One
 * process for all of them; undefined when git failed.
 */
export function gitCheckIgnore(cwd: string, paths: readonly string[]): Set<string> | undefined {
  const input = paths.map((path) => `${path}\0`).join("");
  const result = spawnSync("git", ["check-ignore", "--no-index", "--stdin", "-z"], { cwd, input, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv() });
  // Exit 1: none of them is ignored.
  if (result.error || (result.status !== 0 && result.status !== 1)) return undefined;
  return new Set(result.stdout.split("\0").filter(Boolean));
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
