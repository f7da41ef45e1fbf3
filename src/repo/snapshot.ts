import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBlobs } from "./blobs.js";
import { gitBuffer } from "./git.js";
import { MAX_TEXT_BYTES, decodeText } from "./text.js";

/** One side of a change: a commit, the git index, or the work tree. */
export type Side = { kind: "rev"; rev: string } | { kind: "index" } | { kind: "worktree" };

/**
 * A few files as they are on one side of a change: path → text (undefined when the file exists
 * but is binary, huge or unreadable). Commits and the index are read from git objects (one
 * `ls-tree`/`ls-files` and one `cat-file --batch`), never checked out. Only `paths` themselves and
 * files under `dirs` are listed, so this stays cheap in a large repo. Paths are relative to `root`.
 */
export function readSide(root: string, side: Side, paths: readonly string[], dirs: readonly string[]): Map<string, string | undefined> {
  const wanted = [...new Set(paths.map(clean))].filter(isInside);
  const folders = [...new Set(dirs.map(clean))].filter((dir) => dir !== "" && isInside(dir));
  const specs = [...wanted, ...folders];
  if (specs.length === 0) return new Map();
  const selected = (path: string) => wanted.includes(path) || folders.some((dir) => path.startsWith(`${dir}/`));
  if (side.kind === "worktree") return readWorktree(root, specs, selected);
  const listed = side.kind === "rev" ? listTree(root, side.rev, specs) : listIndex(root, specs);
  const entries = [...listed].filter(([path]) => selected(path));
  const blobs = readBlobs(root, entries.filter(([, entry]) => !entry.symlink).map(([, entry]) => entry.blob));
  const result = new Map<string, string | undefined>();
  for (const [path, entry] of entries) {
    const bytes = entry.symlink ? undefined : blobs.get(entry.blob);
    const decoded = bytes ? decodeText(bytes) : undefined;
    result.set(path, decoded && "text" in decoded ? decoded.text : undefined);
  }
  return result;
}

interface Entry {
  blob: string;
  symlink: boolean;
}

/** `ls-tree` lists the tree below `root` (the current folder), with paths relative to it. */
function listTree(root: string, rev: string, specs: string[]): Map<string, Entry> {
  const out = gitBuffer(root, ["--literal-pathspecs", "ls-tree", "-r", "-z", rev, "--", ...specs]);
  const entries = new Map<string, Entry>();
  for (const record of out?.toString("utf8").split("\0") ?? []) {
    const match = /^(\d{6}) blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match) entries.set(match[3]!, { blob: match[2]!, symlink: match[1] === "120000" });
  }
  return entries;
}

/** The index: stage 0, or the first stage of a conflicted path. */
function listIndex(root: string, specs: string[]): Map<string, Entry> {
  const out = gitBuffer(root, ["--literal-pathspecs", "ls-files", "-z", "--stage", "--", ...specs]);
  const entries = new Map<string, Entry>();
  for (const record of out?.toString("utf8").split("\0") ?? []) {
    const match = /^(\d{6}) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
    if (!match || match[1] === "160000") continue;
    if (entries.has(match[4]!) && match[3] !== "0") continue;
    entries.set(match[4]!, { blob: match[2]!, symlink: match[1] === "120000" });
  }
  return entries;
}

/** Tracked and untracked (not ignored) files present on disk; a deleted tracked file is absent. */
function readWorktree(root: string, specs: string[], selected: (path: string) => boolean): Map<string, string | undefined> {
  const out = gitBuffer(root, ["--literal-pathspecs", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...specs]);
  const result = new Map<string, string | undefined>();
  for (const path of new Set(out?.toString("utf8").split("\0") ?? [])) {
    if (path === "" || !selected(path) || result.has(path)) continue;
    try {
      const stat = lstatSync(join(root, path));
      if (stat.isSymbolicLink()) result.set(path, undefined);
      else if (stat.isFile()) result.set(path, stat.size > MAX_TEXT_BYTES ? undefined : text(readFileSync(join(root, path))));
    } catch {
      // deleted in the work tree (or while we looked): not on this side
    }
  }
  return result;
}

function text(bytes: Buffer): string | undefined {
  const decoded = decodeText(bytes);
  return "text" in decoded ? decoded.text : undefined;
}

function clean(path: string): string {
  return path.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}

/** Never a path that leaves the repository. */
function isInside(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.split("/").includes("..");
}
