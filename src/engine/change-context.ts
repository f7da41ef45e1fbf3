import type { ChangeContext } from "../core/change.js";
import type { Repo } from "../repo/repo.js";
import { filesOfCommit, hasHead, messageOf, messagesSince, parentOf, resolveCommit } from "../repo/revision.js";
import { changedSince } from "./scope.js";

export interface ChangeOptions {
  staged?: boolean;
  since?: string;
  commit?: string;
  allowWeaken?: boolean;
}

/**
 * The change a run reports on, or undefined for a whole-tree run.
 * - `--staged`: the index against HEAD (no message yet: approval is `--allow-weaken`);
 * - `--since <rev>`: the work tree against `rev`, with the messages of the commits in `rev..HEAD`;
 * - `--commit <rev>`: what that commit changed against its first parent, with its message.
 *   Only the reported scope and the change-judging rules (co-change, guard/weakened) look at the
 *   commit; the content the other rules check stays the work tree (nothing is checked out), so
 *   run it on a checkout of that commit (as CI does) to check the commit's own content.
 * A revision git cannot resolve is a usage error (exit 2).
 */
export function changeContext(root: string, repo: Repo, options: ChangeOptions): ChangeContext | undefined {
  const allowWeaken = options.allowWeaken ?? false;
  if (options.staged) {
    const base = hasHead(root) ? "HEAD" : undefined;
    return { mode: "staged", base, head: { kind: "index" }, files: repo.changedFromHead(), messages: [], allowWeaken };
  }
  if (options.since !== undefined) {
    const base = resolveCommit(root, options.since, "--since");
    const messages = messagesSince(root, base);
    return { mode: "since", base, head: { kind: "worktree" }, files: changedSince(root, base), messages, allowWeaken };
  }
  if (options.commit !== undefined) {
    const rev = resolveCommit(root, options.commit, "--commit");
    const base = parentOf(root, rev);
    const files = filesOfCommit(root, rev, base);
    return { mode: "commit", base, head: { kind: "rev", rev }, files, messages: [messageOf(root, rev)], allowWeaken };
  }
  return undefined;
}
