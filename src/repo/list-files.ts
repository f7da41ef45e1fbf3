import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { gitBuffer, gitRequired } from "./git.js";

export interface ListedFile {
  path: string;
  /** Set for symlinks. */
  symlink?: boolean;
  /**
   * Blob id: of the index entry (`--staged`), or in the work tree of a tracked file that git
   * reports unmodified, whose content is then that blob.
   */
  blob?: string;
  /** From the work tree's lstat: what tells an unchanged file without reading it. */
  stat?: { size: number; mtimeMs: number; ctimeMs: number; ino: number };
}

/**
 * Files of the work tree: tracked and untracked, not ignored, not deleted; one git process
 * (`inGit` false when git cannot list them: no repository, or no git).
 */
export function listWorktreeFiles(root: string, tryGit: boolean, gitListing?: Buffer): { files: ListedFile[]; inGit: boolean; digest?: string } {
  const listed = tryGit ? gitWorktreeFiles(root, gitListing) : undefined;
  if (listed) return { ...listed, inGit: true };
  return { files: walk(root).flatMap((path) => statFile(root, path)), inGit: false };
}

/** What lstat says of one path: a file (with the stat that identifies its content), a symlink, or nothing. */
function statFile(root: string, path: string): ListedFile[] {
  let stat;
  try {
    stat = lstatSync(join(root, path));
  } catch {
    return []; // deleted in the work tree (or while we looked): not there to check
  }
  if (stat.isSymbolicLink()) return [{ path, symlink: true }];
  if (!stat.isFile()) return [];
  return [{ path, stat: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino } }];
}

/**
 * One `git ls-files -t --stage -m -d --others`: every tracked file with its mode and blob, tagged
 * when the work tree changed it (C) or deleted it (R), plus the untracked files (?). Git compares
 * each tracked file with the stat data in its index (racy cases included), so a file it reports
 * unchanged is its index blob and is not looked at again; only changed, untracked, conflicted
 * and skip-worktree (S) files are lstat'ed here. (A file marked `assume-unchanged` is taken at
 * its word, as git itself does.)
 */
/** The git command that lists the work tree (see gitWorktreeFiles); listing-prefetch.ts runs it ahead of time. */
export const WORKTREE_LISTING_ARGS: readonly string[] = ["ls-files", "-z", "-t", "--stage", "-m", "-d", "--others", "--exclude-standard"];

function gitWorktreeFiles(root: string, prefetched?: Buffer): { files: ListedFile[]; digest: string } | undefined {
  const out = prefetched ?? gitBuffer(root, [...WORKTREE_LISTING_ARGS]);
  if (!out) return undefined;
  // Records are `<tag> <mode> <blob> <stage>\t<path>` or `? <path>`; parsed by position (10,000
  // records a run: no regular expression per record).
  const tracked = new Map<string, { mode: string; blob: string; settled: boolean }>();
  const changed = new Set<string>();
  const untracked: string[] = [];
  for (const record of out.toString("utf8").split("\0")) {
    if (record.startsWith("? ")) {
      untracked.push(record.slice(2));
      continue;
    }
    const tab = record.indexOf("\t");
    if (tab < 0 || record[1] !== " " || record[8] !== " ") continue;
    const tag = record[0]!;
    const path = record.slice(tab + 1);
    if (tag === "C" || tag === "R") {
      changed.add(path);
      continue;
    }
    const mode = record.slice(2, 8);
    const blob = record.slice(9, tab - 2);
    const stage = record[tab - 1];
    tracked.set(path, { mode, blob, settled: tag === "H" && stage === "0" && !tracked.has(path) });
  }
  const files: ListedFile[] = [];
  for (const [path, entry] of tracked) {
    if (entry.mode === "160000") continue; // a submodule, not a file
    if (changed.has(path) || !entry.settled) files.push(...statFile(root, path));
    else files.push(entry.mode === "120000" ? { path, blob: entry.blob, symlink: true } : { path, blob: entry.blob });
  }
  for (const path of unique(untracked)) if (!tracked.has(path)) files.push(...statFile(root, path));
  return { files, digest: createHash("sha1").update(out).digest("hex") };
}

/** Files in the git index (what `--staged` checks): mode, blob and path; stage 0 wins on conflicts. */
export function listIndexFiles(root: string): ListedFile[] {
  const out = gitBuffer(root, ["ls-files", "-z", "--stage"]);
  if (!out) return [];
  const byPath = new Map<string, ListedFile>();
  for (const entry of out.toString("utf8").split("\0")) {
    const match = /^(\d{6}) ([0-9a-f]+) (\d)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, blob, stage, path] = match;
    if (mode === "160000") continue; // a submodule, not a file
    if (byPath.has(path!) && stage !== "0") continue;
    byPath.set(path!, { path: path!, blob: blob!, ...(mode === "120000" ? { symlink: true } : {}) });
  }
  return [...byPath.values()];
}

/**
 * Files of a commit's tree (below `root` when it is a subfolder), read from git objects, never
 * checked out. An unknown revision is a usage error, said in the user's words.
 */
export function listRevisionFiles(root: string, revision: string): ListedFile[] {
  const out = gitRequired(root, ["ls-tree", "-r", "-z", revision, "--"], `cannot read the tree of "${revision}"`);
  const files: ListedFile[] = [];
  for (const entry of out.split("\0")) {
    const match = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match || match[2] !== "blob") continue; // submodules are commits, folders are trees
    const [, mode, , blob, path] = match as unknown as [string, string, string, string, string];
    files.push({ path, blob, ...(mode === "120000" ? { symlink: true } : {}) });
  }
  return files;
}

/**
 * Outside git: a walk that honours every .gitignore on the way down. It never follows a
 * symlinked folder (so no loops and no escape from the repo); .git and node_modules are skipped.
 */
function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, rules: { base: string; matcher: Ignore }[]) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    const local = readIgnoreFile(root, dir);
    const active = local ? [...rules, { base: dir, matcher: local }] : rules;
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const isDir = entry.isDirectory();
      if (isIgnored(active, path, isDir)) continue;
      if (isDir) visit(path, active);
      else found.push(path);
    }
  };
  visit("", []);
  return found;
}

function readIgnoreFile(root: string, dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(root, dir, ".gitignore"), "utf8"));
  } catch {
    return undefined;
  }
}

function isIgnored(rules: { base: string; matcher: Ignore }[], path: string, isDir: boolean): boolean {
  return rules.some(({ base, matcher }) => {
    const relative = base ? path.slice(base.length + 1) : path;
    return matcher.ignores(isDir ? `${relative}/` : relative);
  });
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
