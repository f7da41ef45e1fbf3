import { lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { join, posix, sep } from "node:path";
import { readBlobs } from "./blobs.js";
import { changedFromHead } from "./changes.js";
import { gitCheckIgnore, gitGrep, gitTopLevel } from "./git.js";
import { globMatcher } from "./glob.js";
import { listIndexFiles, listRevisionFiles, listWorktreeFiles, type ListedFile } from "./list-files.js";
import { MAX_TEXT_BYTES, decodeText, type TextResult } from "./text.js";

/** Where file contents come from: the work tree, the git index (`--staged`), or a commit (`revision`). */
export type RepoSource = "worktree" | "index" | "revision";

export interface RepoOptions {
  root: string;
  exclude: readonly string[];
  /** Read the git index (`--staged`) or a commit instead of the work tree. */
  source?: RepoSource;
  /** With source "revision": the commit (any revision git understands) whose tree is read. */
  revision?: string;
  /** git's listing of this work tree, already run (see listing-prefetch.ts). */
  gitListing?: Buffer;
}

/**
 * The files of one repository and their contents, from the work tree or the git index.
 * Every path is repo-relative with `/`. Each file is read at most once per run.
 */
export class Repo {
  readonly root: string;
  readonly source: RepoSource;
  readonly inGit: boolean;
  readonly files: readonly string[];
  /**
   * A digest of git's listing of the work tree (paths, modes, blob ids, which files are modified
   * or untracked). While it is the same, every file git vouches for by blob id is unchanged.
   */
  readonly listingDigest: string | undefined;
  private readonly revision: string | undefined;
  private readonly entries = new Map<string, ListedFile>();
  private readonly directories = new Set<string>([""]);
  private readonly texts = new Map<string, TextResult>();
  private realRoot: string | undefined;
  private changed: Set<string> | undefined;
  private readonly globbed = new Map<string, string[]>();
  /**
   * The listed files whose text contains `needle`, found by one `git grep` (threaded, and it
   * skips binary files) instead of reading every file; undefined outside git or when git
   * cannot answer, and the caller reads the files itself. `pathspecs` (git's syntax, e.g.
   * `:(icase)*.md`) limit the search to the files the caller will look at. `untracked: false`
   * skips git's walk of the work tree for untracked files (most of the time on a large tree);
   * the caller then reads the files git does not vouch for (hasBlobIdentity) itself.
   */
  filesContaining(needle: string, pathspecs: readonly string[] = [], untracked = true): Set<string> | undefined {
    if (!this.inGit) return undefined;
    const args = ["grep", "-l", "-z", "-I", "-F", "--no-color", "-e", needle];
    if (this.source === "index") args.splice(1, 0, "--cached");
    else if (this.source === "worktree" && untracked) args.splice(1, 0, "--untracked");
    else args.push(this.revision!);
    args.push("--", ...pathspecs);
    const out = gitGrep(this.root, args);
    if (out === undefined) return undefined;
    const prefix = this.source === "revision" ? `${this.revision}:` : "";
    const found = new Set<string>();
    for (const entry of out.split("\0")) {
      const path = prefix && entry.startsWith(prefix) ? entry.slice(prefix.length) : entry;
      if (this.entries.has(path)) found.add(path);
    }
    return found;
  }

  /**
   * Which of `words` each listed file holds as a whole word (`-w`: not inside a longer name),
   * by one `git grep -o` (threaded, binary files skipped) instead of reading every file;
   * undefined outside git or when git cannot answer, and the caller reads the files itself.
   */
  wordsByFile(words: readonly string[]): Map<string, Set<string>> | undefined {
    if (!this.inGit) return undefined;
    const found = new Map<string, Set<string>>();
    if (words.length === 0) return found;
    const args = ["grep", "-o", "-w", "-z", "-I", "-F", "--no-color", ...words.flatMap((word) => ["-e", word])];
    if (this.source === "index") args.splice(1, 0, "--cached");
    else if (this.source === "worktree") args.splice(1, 0, "--untracked");
    else args.push(this.revision!);
    args.push("--");
    const out = gitGrep(this.root, args);
    if (out === undefined) return undefined;
    const prefix = this.source === "revision" ? `${this.revision}:` : "";
    for (const line of out.split("\n")) {
      const split = line.indexOf("\0");
      if (split < 0) continue;
      const entry = line.slice(0, split);
      const path = prefix && entry.startsWith(prefix) ? entry.slice(prefix.length) : entry;
      if (!this.entries.has(path)) continue;
      const held = found.get(path) ?? new Set<string>();
      held.add(line.slice(split + 1));
      found.set(path, held);
    }
    return found;
  }

  /**
   * Which of `paths` (repo-relative; they need not exist) git ignores, by one `git check-ignore`;
   * undefined outside git, or when reading a commit, whose .gitignore files may differ from the
   * work tree's (the caller then reads them itself).
   */
  ignoredPaths(paths: readonly string[]): Set<string> | undefined {
    if (!this.inGit || this.source === "revision" || paths.length === 0) return undefined;
    return gitCheckIgnore(this.root, paths);
  }

  private readonly identities = new Map<string, { key: string; settled: boolean } | undefined>();
  /** Files a cache vouched for unchanged, so they count as checked without being read. */
  private readonly vouched = new Set<string>();
  /** Files one check gave up on while others still read them (see `note`). */
  private readonly notes: { file: string; reason: string }[] = [];

  constructor(options: RepoOptions) {
    this.root = options.root;
    this.source = options.source ?? "worktree";
    this.revision = options.revision ?? (this.source === "revision" ? "HEAD" : undefined);
    let listed: ListedFile[];
    if (this.source === "worktree") {
      // The listing is git's when git can give it: that answers "in git?" without another process.
      ({ files: listed, inGit: this.inGit, digest: this.listingDigest } = listWorktreeFiles(options.root, true, options.gitListing));
    } else {
      this.inGit = gitTopLevel(options.root) !== undefined;
      listed = this.source === "index" ? listIndexFiles(options.root) : listRevisionFiles(options.root, this.revision!);
    }
    const excluded = options.exclude.length > 0 ? globMatcher(options.exclude) : undefined;
    for (const file of listed) {
      if (excluded?.(file.path)) continue;
      this.entries.set(file.path, file);
      const slash = file.path.lastIndexOf("/");
      if (slash < 0) continue;
      for (let dir = file.path.slice(0, slash); !this.directories.has(dir); ) {
        this.directories.add(dir);
        const up = dir.lastIndexOf("/");
        if (up < 0) break;
        dir = dir.slice(0, up);
      }
    }
    this.files = [...this.entries.keys()].sort();
  }

  /** Files that differ from HEAD in what this run reads (staged ones with `--staged`); one git process, memoised. */
  changedFromHead(): Set<string> {
    this.changed ??= this.source === "revision" ? new Set() : changedFromHead(this.root, this.source);
    return this.changed;
  }

  /**
   * Files matching any of `patterns` and none of `ignore`. Memoised: rules ask for the same
   * globs (a rule's Markdown to parse, then its check), and each ask tests every listed file.
   */
  glob(patterns: readonly string[], ignore: readonly string[] = []): string[] {
    const key = JSON.stringify([patterns, ignore]);
    let found = this.globbed.get(key);
    if (!found) {
      const include = globMatcher(patterns);
      const skip = globMatcher(ignore);
      found = this.files.filter((file) => include(file) && !skip(file));
      this.globbed.set(key, found);
    }
    return [...found];
  }

  hasFile(path: string): boolean {
    return this.entries.has(path);
  }

  hasDirectory(path: string): boolean {
    return this.directories.has(path.replace(/\/+$/, ""));
  }

  /**
   * A listed file or folder, or (work tree only) something on disk that git ignores, such as
   * a build output a doc mentions. Paths outside the repo are never looked at.
   */
  exists(path: string): boolean {
    const clean = path.replace(/\/+$/, "");
    if (clean === "" || this.hasFile(clean) || this.hasDirectory(clean)) return true;
    // In index mode too: a git-ignored build output is on disk only, never in the index.
    if (clean.startsWith("../") || clean === "..") return false;
    try {
      lstatSync(join(this.root, clean));
      return true;
    } catch {
      return false;
    }
  }

  isSymlink(path: string): boolean {
    return this.entries.get(path)?.symlink === true;
  }

  /** Where a symlink points, as written in the link (relative to the link's folder). */
  symlinkTarget(path: string): string | undefined {
    const entry = this.entries.get(path);
    if (!entry?.symlink) return undefined;
    try {
      if (entry.blob && this.source !== "worktree") return readBlobs(this.root, [entry.blob]).get(entry.blob)?.toString("utf8");
      return readlinkSync(join(this.root, path));
    } catch {
      return undefined;
    }
  }

  /**
   * What identifies a file's content without reading it: its blob id in the index, or its size,
   * times and inode in the work tree (as git's index does). `settled` is false for a work-tree
   * file changed in the last 2 s: a second edit within the file system's timestamp granularity
   * could keep the same identity, so a cache must not remember it yet (git's "racy clean").
   */
  identity(path: string): { key: string; settled: boolean } | undefined {
    // Asked for every file by each cache and memo space: worked out once per run.
    if (this.identities.has(path)) return this.identities.get(path);
    const identity = this.identityOf(this.entries.get(path));
    this.identities.set(path, identity);
    return identity;
  }

  private identityOf(entry: ListedFile | undefined): { key: string; settled: boolean } | undefined {
    if (!entry || entry.symlink) return undefined;
    if (entry.blob) return { key: `b${entry.blob}`, settled: true };
    const stat = entry.stat;
    if (!stat) return undefined;
    const settled = Math.max(stat.mtimeMs, stat.ctimeMs) < Date.now() - 2000;
    return { key: `s${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`, settled };
  }

  /** Whether git vouches for the file's content by its blob id (its identity is then that blob). */
  hasBlobIdentity(path: string): boolean {
    const entry = this.entries.get(path);
    return entry?.blob !== undefined && !entry.symlink;
  }

  /** Counts a file as checked that a cache vouched for (by `identity`) instead of reading it. */
  vouch(path: string): void {
    this.vouched.add(path);
  }

  /** Loads many files at once (one git process in index mode); later reads hit the cache. */
  preload(paths: readonly string[]): void {
    if (this.source === "worktree") return;
    const wanted = paths.filter((p) => !this.texts.has(p) && this.entries.get(p)?.blob && !this.entries.get(p)?.symlink);
    const blobs = readBlobs(this.root, wanted.map((p) => this.entries.get(p)!.blob!));
    for (const path of wanted) {
      const bytes = blobs.get(this.entries.get(path)!.blob!);
      this.texts.set(path, bytes ? decodeText(bytes) : { skipped: "missing from the git object store" });
    }
  }

  /** The text of a listed file, or why it was skipped (binary, huge, unreadable, symlink out of the repo). */
  read(path: string): TextResult {
    const cached = this.texts.get(path);
    if (cached) return cached;
    if (!this.entries.has(path)) return { skipped: "not a file of this repository" };
    if (this.source !== "worktree") this.preload([path]);
    else this.texts.set(path, this.readWorktree(path));
    return this.texts.get(path) ?? { skipped: "unreadable" };
  }

  /** The text, or undefined when the file is missing or skipped. */
  readText(path: string): string | undefined {
    const result = this.read(path);
    return "text" in result ? result.text : undefined;
  }

  /**
   * A small file on disk that the file list leaves out because git ignores it, such as an
   * installed package's `node_modules/<name>/package.json`. Only inside the repo root (after
   * resolving symlinks); undefined when absent, binary or over 1 MiB. Not cached, not counted.
   */
  readIgnoredText(path: string): string | undefined {
    const clean = posix.normalize(path);
    if (clean === ".." || clean.startsWith("../") || clean.startsWith("/")) return undefined;
    try {
      const target = realpathSync(join(this.root, clean));
      this.realRoot ??= realpathSync(this.root);
      if (!target.startsWith(this.realRoot + sep)) return undefined;
      const stat = statSync(target);
      if (!stat.isFile() || stat.size > 1024 * 1024) return undefined;
      const result = decodeText(readFileSync(target));
      return "text" in result ? result.text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records that a file was read but not checked (e.g. Markdown too large to parse), and why. */
  skip(path: string, reason: string): void {
    this.texts.set(path, { skipped: reason });
  }

  /**
   * Records that one check gave up on a file it could read (a text rule's regex that ran out of
   * time), for the summary's skipped list; unlike `skip`, every other check still reads the file.
   */
  note(path: string, reason: string): void {
    if (!this.notes.some((note) => note.file === path && note.reason === reason)) this.notes.push({ file: path, reason });
  }

  /** Files read so far and what was skipped, for the summary. */
  readStats(): { read: string[]; skipped: { file: string; reason: string }[] } {
    const read: string[] = [];
    const skipped: { file: string; reason: string }[] = [];
    for (const [file, result] of this.texts) {
      if ("text" in result) read.push(file);
      else skipped.push({ file, reason: result.skipped });
    }
    for (const file of this.vouched) if (!this.texts.has(file)) read.push(file);
    skipped.push(...this.notes);
    return { read, skipped };
  }

  private readWorktree(path: string): TextResult {
    const absolute = join(this.root, path);
    try {
      if (this.entries.get(path)?.symlink) {
        const target = realpathSync(absolute); // throws on loops (ELOOP) and dangling links
        this.realRoot ??= realpathSync(this.root);
        if (target !== this.realRoot && !target.startsWith(this.realRoot + sep)) {
          return { skipped: "symlink to outside the repository" };
        }
      }
      const stat = statSync(absolute);
      if (!stat.isFile()) return { skipped: "not a regular file" };
      if (stat.size > MAX_TEXT_BYTES) return { skipped: `larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB` };
      return decodeText(readFileSync(absolute));
    } catch (error) {
      return { skipped: unreadableReason((error as NodeJS.ErrnoException).code, this.entries.get(path)?.symlink === true) };
    }
  }
}

/** Why a file could not be read, in words (the error code stays for searching). */
function unreadableReason(code: string | undefined, symlink: boolean): string {
  if (symlink && code === "ELOOP") return "symlink loop (ELOOP)";
  if (symlink && code === "ENOENT") return "symlink to nothing (ENOENT)";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  return `unreadable (${code ?? "error"})`;
}
