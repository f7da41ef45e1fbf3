import { hash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { appendLine, cacheFolder, codeStamp, FileIdentities, JOURNAL_MAX_BYTES, JOURNAL_MAX_ENTRIES, journalOf, readJson, readWithJournal, writeAtomically } from "../repo/cache-files.js";
import { FolderResolutions, encodeResolution } from "./graph-resolutions.js";
import type { ImportKind, ImportRef } from "./types.js";

/** Bump when the stored shape changes, so old cache files are never read. */
const FORMAT_VERSION = 2;

/** One import, stored compactly: [specifier, kind, typeOnly, line, column, endLine, endColumn]. */
type StoredRef = [string, ImportKind, 0 | 1, number, number, number, number];

/** Per importing folder: [specifier, encoded resolution] pairs. */
type StoredFolder = [string, [string, string][]];

/** The imports file: imports by content hash, and which content hash each file had, by identity. */
interface StoredImports {
  imports: [string, StoredRef[]][];
  /** [path, identity (see Repo.identity), content hash] */
  files: [string, string, string][];
}

interface StoredResolutions {
  environment: string;
  folders: StoredFolder[];
}

export function contentHash(text: string): string {
  return hash("sha1", text);
}

/**
 * The import graph's cache under `node_modules/.cache/guard/` (only when the repo has a
 * node_modules folder: we never create one), in two files:
 * - the imports of each file by content hash, so an unchanged file is never lexed again;
 * - the resolution of each (importing folder, specifier), valid only while the resolution
 *   environment (file list, tsconfig and package.json contents) is the same.
 * Entries a run does not use are dropped when it saves, so the files stay small. A run that
 * changed only a few entries (a warm run after an edit) appends them to a journal beside the
 * imports file instead of rewriting megabytes; the next larger change folds the journal in.
 */
export class GraphCache {
  /** node_modules/.cache/guard, or undefined when caching is off or the repo has no node_modules. */
  readonly folder: string | undefined;
  private readonly importsFile: string | undefined;
  private readonly resolutionsFile: string | undefined;
  private storedImports = new Map<string, StoredRef[]>();
  private readonly identities = new FileIdentities();
  /** What this run used, decoded: only these are written back. */
  private readonly usedImports = new Map<string, readonly ImportRef[]>();
  private storedFolders = new Map<string, [string, string][]>();
  private storedResolutionCount = 0;
  private readonly usedFolders = new Map<string, FolderResolutions>();
  private journalBytes = 0;

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
    this.journalBytes = readWithJournal(this.importsFile, (stored) => this.addStored(stored as StoredImports | undefined));
    const resolutions = readJson(this.resolutionsFile) as StoredResolutions | undefined;
    // Another file list or tsconfig: any resolution may differ now, so none is kept.
    if (resolutions?.environment === environment && Array.isArray(resolutions.folders)) {
      this.storedFolders = new Map(resolutions.folders.filter(isEntry));
      for (const entries of this.storedFolders.values()) this.storedResolutionCount += entries.length;
    }
  }

  private addStored(stored: StoredImports | undefined): void {
    if (Array.isArray(stored?.imports)) for (const entry of stored.imports.filter(isEntry)) this.storedImports.set(entry[0], entry[1]);
    this.identities.load(stored?.files);
  }

  /**
   * The content hash a file had when the cache last saw it with this same identity (blob id,
   * or size, times and inode): the file is unchanged and need not be read.
   */
  contentHashOf(path: string, identity: string): string | undefined {
    return this.identities.contentHashOf(path, identity);
  }

  /** Remembers a file's content hash under its identity (only settled identities; see Repo.identity). */
  setContentHash(path: string, identity: string, contentKey: string): void {
    this.identities.set(path, identity, contentKey);
  }

  /** The imports stored for a content hash; decoded once, shared by every file with that content. */
  imports(contentKey: string): readonly ImportRef[] | undefined {
    const decoded = this.usedImports.get(contentKey);
    if (decoded) return decoded;
    const stored = this.storedImports.get(contentKey);
    if (!stored) return undefined;
    const refs = stored.map(([specifier, kind, typeOnly, line, column, endLine, endColumn]) => ({
      specifier,
      kind,
      typeOnly: typeOnly === 1,
      line,
      column,
      endLine,
      endColumn,
    }));
    this.usedImports.set(contentKey, refs);
    return refs;
  }

  setImports(contentKey: string, refs: readonly ImportRef[]): void {
    this.usedImports.set(contentKey, refs);
  }

  /** The cached resolutions of imports written in `folder` (repo-relative, "." for the root). */
  resolutionsIn(folder: string): FolderResolutions {
    let resolutions = this.usedFolders.get(folder);
    if (!resolutions) {
      resolutions = new FolderResolutions(this.storedFolders.get(folder));
      this.usedFolders.set(folder, resolutions);
    }
    return resolutions;
  }

  private saveImports(): void {
    const newImports = [...this.usedImports].filter(([key]) => !this.storedImports.has(key));
    const newFiles = this.identities.changed();
    const unusedImports = this.storedImports.size - (this.usedImports.size - newImports.length);
    const unusedFiles = this.identities.stored.size - (this.identities.used.size - newFiles.length);
    if (newImports.length + newFiles.length + unusedImports + unusedFiles === 0) return;
    const delta: StoredImports = {
      imports: newImports.map(([key, refs]) => [key, refs.map(encodeRef)]),
      files: newFiles,
    };
    const line = JSON.stringify(delta);
    const small = newImports.length + newFiles.length + unusedImports + unusedFiles <= JOURNAL_MAX_ENTRIES;
    if (small && this.storedImports.size > 0 && this.journalBytes + line.length < JOURNAL_MAX_BYTES && appendLine(journalOf(this.importsFile), line)) return;
    const stored: StoredImports = {
      imports: [...this.usedImports].map(([key, refs]) => [key, refs.map(encodeRef)]),
      files: this.identities.entries(),
    };
    writeAtomically(this.importsFile, JSON.stringify(stored));
  }

  /** Writes what changed, atomically; a failure to write is not the user's problem. */
  save(): void {
    this.saveImports();
    const folders = [...this.usedFolders].filter(([, resolutions]) => resolutions.used.size > 0);
    const usedCount = folders.reduce((sum, [, resolutions]) => sum + resolutions.used.size, 0);
    if (folders.some(([, resolutions]) => resolutions.dirty) || usedCount !== this.storedResolutionCount) {
      const stored: StoredResolutions = {
        environment: this.environment,
        folders: folders.map(([folder, resolutions]) => [folder, [...resolutions.used].map(([specifier, r]) => [specifier, encodeResolution(r)])]),
      };
      writeAtomically(this.resolutionsFile, JSON.stringify(stored));
    }
  }
}


function encodeRef(ref: ImportRef): StoredRef {
  return [ref.specifier, ref.kind, ref.typeOnly ? 1 : 0, ref.line, ref.column, ref.endLine, ref.endColumn];
}

/** A damaged cache file must not crash the run: only well-formed [key, value] pairs are kept. */
function isEntry(entry: unknown): entry is [string, never] {
  return (
    Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && (typeof entry[1] === "string" || Array.isArray(entry[1]))
  );
}

/**
 * A stamp of the code that produced the cached data and of this cache's own code (every
 * `<prefix>*.js` and `graph-*.js` beside this file), so a cache written by another build of
 * guard is never read as current.
 */
function stampOf(prefix: string): string {
  return codeStamp(dirname(fileURLToPath(import.meta.url)), [prefix, "graph-"], [String(FORMAT_VERSION)]);
}
