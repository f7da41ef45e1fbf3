import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { bundleHash } from "../core/bundle.js";
import { cacheHome } from "./git-dir.js";

/**
 * File plumbing for guard's caches (in the cache folder, see cacheHome): a cache is only ever
 * an optimisation, so every read that fails yields nothing and every write that fails is
 * dropped silently (read-only node_modules, full disk, a file cut short by a crash).
 */

const homes = new Map<string, string | undefined>();

/**
 * The folder guard's caches live in: node_modules/.cache/guard, else guard-cache/ in the git
 * dir (see cacheHome); undefined when caching is off (`--no-cache`) or the repo has neither.
 */
export function cacheFolder(root: string, enabled: boolean): string | undefined {
  if (!enabled) return undefined;
  // Several caches ask per run: the file system is walked once per root.
  if (!homes.has(root)) homes.set(root, cacheHome(root));
  return homes.get(root);
}

/**
 * A short stamp of the code that produced cached data: a format version, extra strings (such as
 * a parser's version) and the bytes of each `*.js` file in `dir` whose name starts with one of
 * `prefixes`, so a cache written by another build of guard is never read as current.
 */
export function codeStamp(dir: string, prefixes: readonly string[], extra: readonly string[]): string {
  const stamp = createHash("sha1").update(extra.join("\n"));
  // In the bundle there are no sibling files: its own bytes stand for all of guard's code.
  const bundle = bundleHash();
  if (bundle) return stamp.update(`\nbundle ${bundle}`).digest("hex").slice(0, 12);
  try {
    const names = readdirSync(dir).filter((name) => name.endsWith(".js") && prefixes.some((prefix) => name.startsWith(prefix)));
    for (const name of names.sort()) stamp.update(`\n${name}\n`).update(readFileSync(join(dir, name)));
  } catch {
    // An unusual layout: the extra strings alone.
  }
  return stamp.digest("hex").slice(0, 12);
}

/** Parsed JSON, or undefined when the file is missing or damaged. */
export function readJson(file: string | undefined): unknown {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** A cache file's bytes, or undefined when it is missing or unreadable. */
export function readBytes(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The non-empty lines of a journal file; none when it is missing. */
export function readLines(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/** One line appended with O_APPEND; false when it could not be written (then the caller rewrites). */
export function appendLine(file: string | undefined, line: string): boolean {
  if (!file) return false;
  try {
    appendFileSync(file, `${line}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Below these, a save appends to the journal instead of rewriting the whole cache file. */
export const JOURNAL_MAX_ENTRIES = 64;
export const JOURNAL_MAX_BYTES = 256 * 1024;

/**
 * Writes atomically (temp file + rename), then removes the files older builds left for the
 * same cache (`<kind>-*.<ext>` and their journals, `kind` being the name up to its first `-`),
 * and this file's own journal, whose entries the new file now holds.
 */
export function writeAtomically(file: string | undefined, content: string | Uint8Array): void {
  if (!file) return;
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, content);
    renameSync(temp, file);
    const kind = `${basename(file).split("-")[0]}-`;
    const extension = extname(file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(kind) && (name.endsWith(extension) || name.endsWith(`${extension}l`)) && name !== basename(file)) {
        rmSync(join(folder, name), { force: true });
      }
    }
  } catch {
    // Read-only node_modules, full disk: the next run works it out again.
  }
}

/**
 * Reads a cache file and then its journal (`<file>l`, one JSON object a line), handing each
 * parsed object to `add` in order; returns the journal's size, which decides when to fold it in.
 */
export function readWithJournal(file: string | undefined, add: (stored: unknown) => void): number {
  if (!file) return 0;
  add(readJson(file));
  let bytes = 0;
  for (const line of readLines(`${file}l`)) {
    bytes += line.length + 1;
    try {
      add(JSON.parse(line));
    } catch {
      // A line cut short by a crash: its entries are simply missing.
    }
  }
  return bytes;
}

/** The journal beside a cache file. */
export function journalOf(file: string | undefined): string | undefined {
  return file === undefined ? undefined : `${file}l`;
}

/**
 * Which content hash each file had, by its identity (`Repo.identity`: blob id, or size, times
 * and inode): a cache answers for an unchanged file without reading it. `stored` is what the
 * cache file held; `used` what this run confirmed or learned, which is what gets written back.
 */
export class FileIdentities {
  readonly stored = new Map<string, [identity: string, hash: string]>();
  readonly used = new Map<string, [identity: string, hash: string]>();

  /** Adds stored `[path, identity, hash]` entries; anything else (a damaged file) is skipped. */
  load(entries: unknown): void {
    if (!Array.isArray(entries)) return;
    for (const entry of entries as unknown[]) {
      if (Array.isArray(entry) && entry.length === 3 && entry.every((part) => typeof part === "string")) {
        const [path, identity, hash] = entry as [string, string, string];
        this.stored.set(path, [identity, hash]);
      }
    }
  }

  /** The content hash a file had when last seen with this same identity: it is unchanged. */
  contentHashOf(path: string, identity: string): string | undefined {
    const stored = this.stored.get(path);
    if (!stored || stored[0] !== identity) return undefined;
    this.used.set(path, stored);
    return stored[1];
  }

  /** Remembers a file's content hash under its identity (settled identities only; see Repo.identity). */
  set(path: string, identity: string, hash: string): void {
    this.used.set(path, [identity, hash]);
  }

  /** Entries this run learned or changed, as stored: what a journal line must carry. */
  changed(): [string, string, string][] {
    const changed: [string, string, string][] = [];
    for (const [path, [identity, hash]] of this.used) {
      const stored = this.stored.get(path);
      if (!stored || stored[0] !== identity || stored[1] !== hash) changed.push([path, identity, hash]);
    }
    return changed;
  }

  /** The entries this run used, as stored. */
  entries(): [string, string, string][] {
    return [...this.used].map(([path, [identity, hash]]) => [path, identity, hash]);
  }

  /** Every entry, stored or used (used wins): what a run that looked at only a few files writes back. */
  all(): [string, string, string][] {
    const merged = new Map([...this.stored, ...this.used]);
    return [...merged].map(([path, [identity, hash]]) => [path, identity, hash]);
  }
}
