import { globMatcher } from "../../repo/glob.js";
import { readSide, type Side } from "../../repo/snapshot.js";
import type { Workspace } from "../workspace.js";

/** One changed file on both sides: `null` where it does not exist, `undefined` where it is binary, huge or unreadable. */
export interface ChangedFile {
  file: string;
  before: string | null | undefined;
  after: string | null | undefined;
}

/**
 * The files of the change (`--staged`, `--since`, `--commit`) that match `files` minus `ignore`,
 * read before the change (git objects at `change.base`) and after it (the index, the work tree
 * or the commit): one `ls-tree`/`ls-files` and one `cat-file --batch` per side. Empty without
 * a change. Before the first commit every file is new.
 */
export function changedFiles(workspace: Workspace, files: readonly string[], ignore: readonly string[]): ChangedFile[] {
  const change = workspace.change;
  if (!change || change.files.size === 0) return [];
  const wanted = files.length ? globMatcher([...files]) : () => true;
  const skipped = globMatcher([...ignore]);
  const paths = [...change.files].filter((file) => wanted(file) && !skipped(file)).sort();
  if (paths.length === 0) return [];
  const root = workspace.config.root;
  const base = change.base === undefined ? new Map<string, string | undefined>() : readInChunks(root, { kind: "rev", rev: change.base }, paths);
  const head = readInChunks(root, change.head, paths);
  return paths.map((file) => ({ file, before: sideOf(base, file), after: sideOf(head, file) }));
}

/** Paths go to git as pathspecs on its command line: a few hundred at a time stay far below its limit. */
const PATHS_PER_CALL = 200;

function readInChunks(root: string, side: Side, paths: readonly string[]): Map<string, string | undefined> {
  const result = new Map<string, string | undefined>();
  for (let start = 0; start < paths.length; start += PATHS_PER_CALL) {
    for (const [path, text] of readSide(root, side, paths.slice(start, start + PATHS_PER_CALL), [])) result.set(path, text);
  }
  return result;
}

function sideOf(side: Map<string, string | undefined>, file: string): string | null | undefined {
  return side.has(file) ? side.get(file) : null;
}
