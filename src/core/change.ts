/**
 * The change a run is about (`--staged`, `--since <rev>`, `--commit <rev>`): which files it
 * touches, where it starts, and what its commits say. Rules that judge a change (co-change,
 * guard/weakened) read it from the workspace; without one of those flags there is none.
 */
export interface ChangeContext {
  mode: "staged" | "since" | "commit";
  /** The revision the change starts from: HEAD, the `--since` rev, or the parent of `--commit`; undefined before the first commit. */
  base: string | undefined;
  /** Where the changed side is read: the index (`--staged`), the work tree (`--since`), or the commit itself. */
  head: { kind: "index" } | { kind: "worktree" } | { kind: "rev"; rev: string };
  /** Repo-relative files the change adds, modifies or deletes (both sides of a rename). */
  files: Set<string>;
  /** Messages of the change's commits, for `Guard-Approved:` trailers (none for `--staged`). */
  messages: string[];
  /** `--allow-weaken` was given. */
  allowWeaken: boolean;
}
