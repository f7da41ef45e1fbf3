import { UsageError } from "../core/errors.js";
import { gitBuffer, gitRequired, gitText } from "./git.js";

/**
 * What git says about one commit or a range, for `--commit <rev>` and `--since <rev>`: all
 * read from git objects, never by checking anything out. Paths are relative to `root`, which
 * may be a subfolder of the work tree (`--relative`).
 */

/** The full commit id of `rev`; a revision git cannot resolve to a commit is a usage error (exit 2). */
export function resolveCommit(root: string, rev: string, flag: string): string {
  const sha = rev.startsWith("-") ? undefined : gitText(root, ["rev-parse", "--verify", "-q", `${rev}^{commit}`])?.trim();
  if (!sha) {
    throw new UsageError(`cannot resolve revision "${rev}" (${flag})`, {
      expected: "a commit that exists in this repository: a branch, tag, commit id or an expression such as HEAD~2",
      suggestion: "check the spelling with `git log --oneline`; in a shallow CI clone, fetch more history (fetch-depth: 0)",
    });
  }
  return sha;
}

/** The first parent of a commit, or undefined for a root commit (or a tree, which has none). */
export function parentOf(root: string, sha: string): string | undefined {
  return gitText(root, ["rev-parse", "--verify", "-q", `${sha}^1`])?.trim() || undefined;
}

/**
 * Files one commit changed against its first parent (for a merge: what the merge brought in),
 * or everything it added when it has no parent. Both sides of a rename are listed.
 */
export function filesOfCommit(root: string, sha: string, parent: string | undefined): Set<string> {
  return filesBetween(root, parent, sha);
}

/** Files that differ between two commits or trees (`base` undefined: every file of `head`). */
export function filesBetween(root: string, base: string | undefined, head: string): Set<string> {
  const range = base ? [base, head] : ["--root", head];
  const out = gitRequired(root, ["diff-tree", "-r", "--name-only", "-z", "--no-renames", "--relative", "--no-commit-id", ...range], `cannot list the files of ${head}`);
  return new Set(out.split("\0").filter(Boolean));
}

/** The abbreviated id git shows for a commit (`a3f9c1e`), for messages. */
export function shortSha(root: string, sha: string): string {
  return gitText(root, ["rev-parse", "--short", sha])?.trim() || sha.slice(0, 7);
}

/** The full message of one commit. */
export function messageOf(root: string, sha: string): string {
  return gitText(root, ["log", "-1", "--format=%B", sha]) ?? "";
}

/** The full messages of the commits in `base..HEAD` (none before the first commit). */
export function messagesSince(root: string, base: string): string[] {
  const out = gitBuffer(root, ["log", "--format=%B%x00", `${base}..HEAD`]);
  if (!out) return [];
  return out
    .toString("utf8")
    .split("\0")
    .map((message) => message.trim())
    .filter(Boolean);
}

/** Whether the repository has a commit yet (`HEAD` resolves). */
export function hasHead(root: string): boolean {
  return gitBuffer(root, ["rev-parse", "--verify", "-q", "HEAD"]) !== undefined;
}
