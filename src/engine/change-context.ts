import type { ChangeContext } from "../core/change.js";
import type { Repo } from "../repo/repo.js";
import { changedSince } from "./scope.js";

export interface ChangeOptions {
  staged?: boolean;
  since?: string;
  commit?: string;
  allowWeaken?: boolean;
}

/** The change a run reports on, or undefined for a whole-tree run. */
export function changeContext(root: string, repo: Repo, options: ChangeOptions): ChangeContext | undefined {
  const allowWeaken = options.allowWeaken ?? false;
  if (options.staged) {
    return { mode: "staged", base: "HEAD", head: { kind: "index" }, files: repo.changedFromHead(), messages: [], allowWeaken };
  }
  if (options.since) {
    return { mode: "since", base: options.since, head: { kind: "worktree" }, files: changedSince(root, options.since), messages: [], allowWeaken };
  }
  if (options.commit) throw new Error("--commit is not implemented yet"); // PLACEHOLDER (change work)
  return undefined;
}
