import { gitRequired } from "./git.js";
import { hasHead } from "./revision.js";

/**
 * Files whose content differs from HEAD in what a run reads: with the index as source, the
 * staged files; with the work tree, the files with staged or unstaged changes. Before the first
 * commit, everything in the index. Paths are relative to `root` (which may be a subfolder).
 */
export function changedFromHead(root: string, source: "worktree" | "index"): Set<string> {
  const args = !hasHead(root)
    ? ["ls-files", "-z", "--cached"]
    : source === "index"
      ? ["diff", "--cached", "--relative", "--name-only", "-z", "--no-renames"]
      : ["diff", "HEAD", "--relative", "--name-only", "-z", "--no-renames"];
  return new Set(gitRequired(root, args, "cannot list changed files").split("\0").filter(Boolean));
}
