import { hash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { appendLine, cacheFolder, codeStamp, FileIdentities, JOURNAL_MAX_BYTES, JOURNAL_MAX_ENTRIES, journalOf, readBytes, readLines, writeAtomically } from "../repo/cache-files.js";
import { FolderResolutions, encodeResolution } from "./graph-resolutions.js";
import { RawEntries } from "./raw-entries.js";
import type { ImportKind, ImportRef } from "./types.js";

/** Bump when the stored shape changes, so old cache files are never read. */
const FORMAT_VERSION = 4;

/** One import, stored compactly: [specifier, kind, typeOnly, line, column, endLine, endColumn]. */
type StoredRef = [string, ImportKind, 0 | 1, number, number, number, number];

/**
 * The imports file: imports by content hash, and which content hash each file had, by identity.
 * Each file's imports are one JSON string (its StoredRef[]), decoded only when used: parsing
 * 10,000 strings is about four times faster than parsing 50,000 small arrays, and a warm run
 * uses a handful of them.
 */
interface StoredImports {
  imports: [string, string][];
  /** [path, identity (see Repo.identity), content hash] */
  files: [string, string, string][];
}

/** Up to this many files a run looks up are found in the cache files' text; more, and the files are parsed. */
const RAW_LOOKUPS = 32;

/** How much of a cache file a run has read: nothing yet, its text (for a few lookups), or all of it parsed. */
type Loaded = "none" | "raw" | "parsed";

/** Per importing folder: its [specifier, encoded resolution] pairs as one JSON string. */
interface StoredResolutions {
  environment: string;
  folders: [string, string][];
}

export function contentHash(text: string): string {
  return hash("sha1", text);
}

/**
 * The import graph's cache in the cache folder (`node_modules/.cache/guard/`, else
 * `guard-cache/` in the git dir: see cacheHome), in two files:
 * - the imports of each file by content hash, so an unchanged file is never lexed again;
 * - the resolution of each (importing folder, specifier), valid only while the resolution
 *   environment (file list, tsconfig and package.json contents) is the same.
 * Each file is read on first use: a run whose per-file results all came from the file memo
 * (see FileMemo) may touch only the one edited file's entries. Entries a run does not use are
 * dropped when it saves a full file, so the files stay small. A run that changed only a few
 * entries (a warm run after an edit) appends them to a journal beside the imports file instead
 * of rewriting megabytes; the next larger change folds the journal in.
 */
export class GraphCache {
  /** The cache folder (see cacheHome), or undefined when caching is off or the repo has none. */
  readonly folder: string | undefined;
  private readonly importsFile: string | undefined;
  private readonly resolutionsFile: string | undefined;
  private importsLoaded: Loaded = "none";
  private resolutionsLoaded: Loaded = "none";
  private importsText: RawEntries | undefined;
  private resolutionsText: RawEntries | undefined;
  /** Whether the imports file holds anything (a journal only makes sense beside one). */
  private importsStored = false;
  /** Entries stored, from the parsed file or its journal, or found in its text. */
  private readonly storedImports = new Map<string, string>();
  private readonly identities = new FileIdentities();
  /** What this run used, decoded: only these are written back. */
  private readonly usedImports = new Map<string, readonly ImportRef[]>();
  private storedFolders = new Map<string, string>();
  private storedResolutionCount = 0;
  private readonly usedFolders = new Map<string, FolderResolutions>();
  private journalBytes = 0;
  private lookupsExpected = Infinity;

  constructor(
    root: string,
    toolVersion: string,
    private readonly environment: string,
    enabled = true,
  ) {
    const folder = cacheFolder(root, enabled);
    if (!folder) return;
    this.folder = folder;
    this.importsFile = join(folder, `imports-${toolVersion}-${stampOf("extract")}.json`);
    this.resolutionsFile = join(folder, `resolutions-${toolVersion}-${stampOf("resolve")}.json`);
  }

  /** How many files the run is about to look up: a few are found without parsing the cache files. */
  expect(files: number): void {
    this.lookupsExpected = this.importsLoaded === "none" ? files : this.lookupsExpected + files;
  }

  private loadImports(): void {
    if (this.importsLoaded === "parsed" || (this.importsLoaded === "raw" && this.lookupsExpected <= RAW_LOOKUPS)) return;
    // Bytes, not text: a few lookups search them without decoding megabytes.
    const bytes = this.importsLoaded === "none" ? readBytes(this.importsFile) : undefined;
    // Anything but our own shape (a damaged file) counts as no file: the next save replaces it.
    const ours = bytes !== undefined && startsWith(bytes, '{"imports":[');
    this.importsStored ||= ours;
    if (this.lookupsExpected <= RAW_LOOKUPS && this.importsLoaded === "none") {
      this.importsLoaded = "raw";
      this.importsText = ours ? new RawEntries(bytes) : undefined;
    } else {
      this.importsLoaded = "parsed";
      this.addStored(parse(ours ? bytes.toString("utf8") : this.importsText?.whole()));
      this.importsText = undefined;
    }
    // The journal is small: always parsed, and it overrides the file.
    this.journalBytes = 0;
    for (const line of readLines(journalOf(this.importsFile))) {
      this.journalBytes += line.length + 1;
      this.addStored(parse(line));
    }
  }

  private addStored(stored: unknown): void {
    const imports = stored as StoredImports | undefined;
    if (Array.isArray(imports?.imports)) for (const entry of imports.imports.filter(isStringPair)) this.storedImports.set(entry[0], entry[1]);
    this.identities.load(imports?.files);
  }

  private loadResolutions(): void {
    if (this.resolutionsLoaded === "parsed" || (this.resolutionsLoaded === "raw" && this.lookupsExpected <= RAW_LOOKUPS)) return;
    // Another file list or tsconfig: any resolution may differ now, so none is kept. (The
    // environment is the first key of the file.)
    const current = `{"environment":${JSON.stringify(this.environment)},`;
    if (this.lookupsExpected <= RAW_LOOKUPS && this.resolutionsLoaded === "none") {
      this.resolutionsLoaded = "raw";
      const bytes = readBytes(this.resolutionsFile);
      this.resolutionsText = bytes && startsWith(bytes, current) ? new RawEntries(bytes) : undefined;
      return;
    }
    const text = this.resolutionsLoaded === "none" ? readBytes(this.resolutionsFile)?.toString("utf8") : this.resolutionsText?.whole();
    this.resolutionsLoaded = "parsed";
    this.resolutionsText = undefined;
    const resolutions = text?.startsWith(current) ? (parse(text) as StoredResolutions | undefined) : undefined;
    if (Array.isArray(resolutions?.folders)) {
      for (const [folder, entries] of resolutions.folders.filter(isStringPair)) {
        if (!this.storedFolders.has(folder)) this.storedFolders.set(folder, entries);
      }
      for (const entries of this.storedFolders.values()) this.storedResolutionCount += countPairs(entries);
    }
  }

  /**
   * The content hash a file had when the cache last saw it with this same identity (blob id,
   * or size, times and inode): the file is unchanged and need not be read.
   */
  contentHashOf(path: string, identity: string): string | undefined {
    this.loadImports();
    if (this.importsText && !this.identities.stored.has(path)) {
      const hash = this.importsText.find([path, identity]);
      if (hash !== undefined) this.identities.load([[path, identity, hash]]);
    }
    return this.identities.contentHashOf(path, identity);
  }

  /** Remembers a file's content hash under its identity (only settled identities; see Repo.identity). */
  setContentHash(path: string, identity: string, contentKey: string): void {
    this.loadImports();
    this.identities.set(path, identity, contentKey);
  }

  /** The imports stored for a content hash; decoded once, shared by every file with that content. */
  imports(contentKey: string): readonly ImportRef[] | undefined {
    const decoded = this.usedImports.get(contentKey);
    if (decoded) return decoded;
    this.loadImports();
    if (this.importsText && !this.storedImports.has(contentKey)) {
      const found = this.importsText.find([contentKey]);
      if (found !== undefined) this.storedImports.set(contentKey, found);
    }
    const refs = decodeRefs(this.storedImports.get(contentKey));
    if (refs) this.usedImports.set(contentKey, refs);
    return refs;
  }

  setImports(contentKey: string, refs: readonly ImportRef[]): void {
    this.usedImports.set(contentKey, refs);
  }

  /** The cached resolutions of imports written in `folder` (repo-relative, "." for the root). */
  resolutionsIn(folder: string): FolderResolutions {
    let resolutions = this.usedFolders.get(folder);
    if (!resolutions) {
      this.loadResolutions();
      if (this.resolutionsText && !this.storedFolders.has(folder)) {
        const found = this.resolutionsText.find([folder]);
        if (found !== undefined) this.storedFolders.set(folder, found);
      }
      resolutions = new FolderResolutions(decodePairs(this.storedFolders.get(folder)));
      this.usedFolders.set(folder, resolutions);
    }
    return resolutions;
  }

  private saveImports(): void {
    if (this.importsLoaded === "none") return; // nothing looked up, nothing learned
    let newImports = [...this.usedImports].filter(([key]) => !this.storedImports.has(key));
    let newFiles = this.identities.changed();
    if (this.importsLoaded === "raw") {
      // A few lookups: append what is new; only when the journal is full is the file parsed and rewritten.
      if (newImports.length + newFiles.length === 0) return;
      if (this.appendToJournal(newImports, newFiles)) return;
      this.expect(Infinity);
      this.loadImports();
      newImports = [...this.usedImports].filter(([key]) => !this.storedImports.has(key));
      newFiles = this.identities.changed();
    }
    const unusedImports = this.storedImports.size - (this.usedImports.size - newImports.length);
    const unusedFiles = this.identities.stored.size - (this.identities.used.size - newFiles.length);
    if (newImports.length + newFiles.length + unusedImports + unusedFiles === 0) return;
    // A run that used only a few entries (the file memo answered for the rest) keeps the others:
    // dropping them would make the next run that needs the whole graph lex everything again.
    const partial = this.usedImports.size + this.identities.used.size < (this.storedImports.size + this.identities.stored.size) / 2;
    if ((partial || unusedImports + unusedFiles <= JOURNAL_MAX_ENTRIES) && this.appendToJournal(newImports, newFiles)) return;
    const kept = partial ? [...this.storedImports].filter(([key]) => !this.usedImports.has(key)) : [];
    const stored: StoredImports = {
      imports: [...kept, ...[...this.usedImports].map(([key, refs]): [string, string] => [key, encodeRefs(refs)])],
      files: partial ? this.identities.all() : this.identities.entries(),
    };
    writeAtomically(this.importsFile, JSON.stringify(stored));
  }

  /** Appends a small change to the journal; false when it is too large, the journal full or unwritable. */
  private appendToJournal(newImports: [string, readonly ImportRef[]][], newFiles: [string, string, string][]): boolean {
    if (!this.importsStored || newImports.length + newFiles.length > JOURNAL_MAX_ENTRIES) return false;
    const line = JSON.stringify({ imports: newImports.map(([key, refs]) => [key, encodeRefs(refs)]), files: newFiles } satisfies StoredImports);
    return this.journalBytes + line.length < JOURNAL_MAX_BYTES && appendLine(journalOf(this.importsFile), line);
  }

  /** Writes what changed, atomically; a failure to write is not the user's problem. */
  save(): void {
    this.saveImports();
    if (this.resolutionsLoaded === "none") return;
    const folders = [...this.usedFolders].filter(([, resolutions]) => resolutions.used.size > 0);
    const dirty = folders.some(([, resolutions]) => resolutions.dirty);
    if (this.resolutionsLoaded === "raw") {
      if (!dirty) return;
      this.expect(Infinity);
      this.loadResolutions();
    }
    if (!dirty) {
      // Unchanged entries: rewrite only to drop what a whole-graph run no longer uses.
      const usedCount = folders.reduce((sum, [, resolutions]) => sum + resolutions.used.size, 0);
      if (usedCount === this.storedResolutionCount || this.usedFolders.size < this.storedFolders.size / 2) return;
    }
    const used = new Map(folders.map(([folder, resolutions]) => [folder, encodePairs([...resolutions.used].map(([specifier, r]) => [specifier, encodeResolution(r)]))]));
    // As with imports: a run that touched a few folders keeps the others' entries.
    const kept = this.usedFolders.size < this.storedFolders.size / 2 ? [...this.storedFolders].filter(([folder]) => !used.has(folder)) : [];
    const stored: StoredResolutions = { environment: this.environment, folders: [...kept, ...used] };
    writeAtomically(this.resolutionsFile, JSON.stringify(stored));
  }
}

function startsWith(bytes: Buffer, prefix: string): boolean {
  return bytes.length >= prefix.length && bytes.toString("utf8", 0, prefix.length) === prefix;
}

/** Parsed JSON, or undefined when missing or damaged. */
function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function encodeRefs(refs: readonly ImportRef[]): string {
  return JSON.stringify(refs.map((ref): StoredRef => [ref.specifier, ref.kind, ref.typeOnly ? 1 : 0, ref.line, ref.column, ref.endLine, ref.endColumn]));
}

/** The refs of one stored entry, or undefined when it is missing or damaged. */
function decodeRefs(stored: string | undefined): ImportRef[] | undefined {
  if (stored === undefined) return undefined;
  try {
    const refs = JSON.parse(stored) as StoredRef[];
    if (!Array.isArray(refs) || !refs.every((ref) => Array.isArray(ref) && ref.length === 7 && typeof ref[0] === "string")) return undefined;
    return refs.map(([specifier, kind, typeOnly, line, column, endLine, endColumn]) => ({ specifier, kind, typeOnly: typeOnly === 1, line, column, endLine, endColumn }));
  } catch {
    return undefined;
  }
}

function encodePairs(pairs: [string, string][]): string {
  return JSON.stringify(pairs);
}

function decodePairs(stored: string | undefined): [string, string][] | undefined {
  if (stored === undefined) return undefined;
  try {
    const pairs = JSON.parse(stored) as unknown;
    return Array.isArray(pairs) ? pairs.filter(isStringPair) : undefined;
  } catch {
    return undefined;
  }
}

/** How many pairs an encoded folder holds, without decoding it (each pair opens with `["`). */
function countPairs(stored: string): number {
  let count = 0;
  for (let at = stored.indexOf('["'); at >= 0; at = stored.indexOf('["', at + 2)) count += 1;
  return count;
}

/** A damaged cache file must not crash the run: only well-formed [key, value] string pairs are kept. */
function isStringPair(entry: unknown): entry is [string, string] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "string";
}

/**
 * A stamp of the code that produced the cached data and of this cache's own code (every
 * `<prefix>*.js` and `graph-*.js` beside this file), so a cache written by another build of
 * guard is never read as current.
 */
function stampOf(prefix: string): string {
  return codeStamp(dirname(fileURLToPath(import.meta.url)), [prefix, "graph-"], [String(FORMAT_VERSION)]);
}
