import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/errors.js";
import { gitEnv, gitText, gitTopLevel } from "../repo/git.js";

/**
 * The bad side of a `--diff`: HEAD's tree with the patch applied in reverse, written as a tree
 * object through a temporary index inside the git dir. The work tree and the real index are
 * never touched; the temporary index is removed whatever happens.
 */
export function reversedTree(root: string, diff: string, label: string): string {
  const top = gitTopLevel(root) ?? root;
  const gitDir = gitText(top, ["rev-parse", "--absolute-git-dir"])?.trim();
  if (!gitDir) throw new UsageError(`--diff needs a git repository (${label})`, { expected: "to run inside a git work tree" });
  if (!gitText(top, ["rev-parse", "--verify", "-q", "HEAD^{commit}"])) {
    throw new UsageError(`--diff ${label}: the repository has no commit yet`, {
      expected: "a repository whose HEAD already contains the fix",
    });
  }
  const index = join(gitDir, `guard-learn-${process.pid}-${randomBytes(4).toString("hex")}.index`);
  const env = gitEnv({ GIT_INDEX_FILE: index });
  const git = (args: string[], input?: string) => spawnSync("git", args, { cwd: top, env, input, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  try {
    const read = git(["read-tree", "HEAD"]);
    if (read.status !== 0) throw new UsageError(`--diff ${label}: cannot read HEAD's tree: ${firstLine(read.stderr)}`);
    const applied = git(["apply", "--cached", "-R", "--whitespace=nowarn", "-"], diff);
    if (applied.status !== 0) throw notApplicable(label, applied.stderr);
    const written = git(["write-tree"]);
    if (written.status !== 0) throw new UsageError(`--diff ${label}: cannot write the reversed tree: ${firstLine(written.stderr)}`);
    return written.stdout.trim();
  } finally {
    rmSync(index, { force: true });
    rmSync(`${index}.lock`, { force: true });
  }
}

function notApplicable(label: string, stderr: string): UsageError {
  if (/No valid patches in input/i.test(stderr)) {
    return new UsageError(`--diff ${label} holds no patch`, {
      expected: "a unified diff of the fix, e.g. the output of `git diff` or `git show <fix>`",
    });
  }
  const file =
    /error: patch failed: (.+?):\d+/.exec(stderr)?.[1] ??
    /error: (.+?): (?:patch does not apply|does not exist in index|already exists in index|does not match index)/.exec(stderr)?.[1];
  return new UsageError(`--diff ${label} does not apply in reverse to HEAD${file ? ` (first at ${file})` : ""}: ${firstLine(stderr)}`, {
    expected: "the diff of a fix that HEAD already contains, so that reversing it gives the state before the fix",
    suggestion: "commit the fix first and use --commit <fix>, or give the bad and good revisions with --from/--to",
  });
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "git failed";
}
