import { join } from "node:path";
import { appendLine, cacheFolder, JOURNAL_MAX_BYTES, JOURNAL_MAX_ENTRIES, journalOf, readJson, readLines, writeAtomically } from "./cache-files.js";
import type { Repo } from "./repo.js";

/** Bump when the stored shape changes, so old memo files are never read. */
const FORMAT_VERSION = 1;

/** The identity stored for a file that changed moments ago: no file has it, so its values never replay. */
const UNSETTLED = "~";

/** How an empty list is stored: a number, not one array object per file (most files have no findings). */
const EMPTY = 0;

/**
 * The memo file: per path its identity, and per space the values aligned with `paths` (null:
 * the space holds nothing for that file). `runs` holds one whole-run value per space.
 */
interface StoredMemo {
  format: number;
  context: string;
  /** The repo's listing digest when it was written (see Repo.listingDigest). */
  listing?: string;
  paths: string[];
  identities: string[];
  spaces: Record<string, unknown[]>;
  runs: Record<string, unknown>;
}

/** One line of the journal: what a run that computed a few files changed. */
interface JournalLine {
  context: string;
  listing?: string;
  /** [path, identity, values by space] */
  files: [string, string, Record<string, unknown>][];
  runs: Record<string, unknown>;
}

/**
 * What is stored for one file: its identity, and where its values are: a row of the memo
 * file's aligned arrays, or a journal line's values (over the row's while the file is the same).
 */
interface Stored {
  identity: string;
  row: number | undefined;
  journal: Record<string, unknown> | undefined;
}

/**
 * Results a run computed per file, kept for the next run in the cache folder (see cacheHome):
 * a value stands while its file keeps the same settled identity (git blob id, or size, times
 * and inode; see Repo.identity) and the run's `context` (the caller's digest of everything
 * else the values depend on: guard's code, the config, the resolution environment) is the
 * same. So after a one-file edit a rule recomputes that file alone and replays the others,
 * which are neither read nor parsed. Each rule keeps its values in its own `space`; values
 * must be JSON. A run that computed a few files appends them to a journal beside the memo
 * instead of rewriting it; a larger one rewrites the memo and folds the journal in.
 */
export class FileMemo {
  private readonly file: string | undefined;
  private stored: Map<string, Stored> | undefined;
  /** The listing digest of the last run that saved: while the repo's is the same, blob-identified files are unchanged. */
  private storedListing: string | undefined;
  /** The memo file's values by space, aligned with its rows. */
  private rows = new Map<string, unknown[]>();
  private storedRuns: Record<string, unknown> = {};
  private journalBytes = 0;
  private readonly values = new Map<string, Map<string, unknown>>();
  private readonly runs = new Map<string, unknown>();
  /** Files this run computed a value for: what a journal line carries. */
  private readonly changedPaths = new Set<string>();
  /** Per list of paths asked for (see unchangedIn): each one's entry when unchanged, and whether it was vouched for. */
  private readonly unchangedLists = new WeakMap<readonly string[], (Stored | null)[]>();
  private readonly vouchedLists = new WeakMap<readonly string[], Uint8Array>();
  /** Every space the memo file or its journal holds values of. */
  private spaceNames = new Set<string>();

  constructor(
    private readonly repo: Repo,
    toolVersion: string,
    private readonly context: string,
    enabled = true,
  ) {
    const folder = cacheFolder(repo.root, enabled);
    this.file = folder && join(folder, `memo-${toolVersion}.json`);
  }

  /**
   * What `space` holds for each of `paths` (a warm run asks for every file of the repo, so
   * this is one tight loop): the files whose value is missing (the file changed since, or the
   * space never covered it) or `stale`, and the others' values (empty lists left out unless
   * `keep` is false: then none). Files with a value count as checked without being read.
   */
  replay<T>(space: string, paths: readonly string[], stale?: (value: T) => boolean, keep = true): { missing: string[]; found: Map<string, T> } {
    const missing: string[] = [];
    const found = new Map<string, T>();
    const own = this.values.get(space);
    const rows = this.rows.get(space);
    const entries = this.unchangedIn(paths);
    const vouched = this.vouchedLists.get(paths)!;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      let value = own?.get(path);
      if (value === undefined) {
        const entry = entries[i];
        const raw = !entry ? undefined : entry.journal && space in entry.journal ? entry.journal[space] : entry.row === undefined ? undefined : rows?.[entry.row];
        if (raw === undefined || raw === null || (stale && raw !== EMPTY && stale(raw as T))) {
          missing.push(path);
          continue;
        }
        if (vouched[i] === 0) {
          this.repo.vouch(path);
          vouched[i] = 1;
        }
        if (raw === EMPTY) continue;
        value = raw;
      }
      if (keep && !(Array.isArray(value) && value.length === 0)) found.set(path, value as T);
    }
    return { missing, found };
  }

  /**
   * For a list of paths (asked again and again for the same list: the repo's code files), each
   * one's stored entry when the file is unchanged, else null: decided once per file and run.
   */
  private unchangedIn(paths: readonly string[]): (Stored | null)[] {
    let entries = this.unchangedLists.get(paths);
    if (entries) return entries;
    entries = paths.map((path) => this.unchanged(path) ?? null);
    this.unchangedLists.set(paths, entries);
    this.vouchedLists.set(paths, new Uint8Array(paths.length));
    return entries;
  }

  /** The files of `paths` that changed since the memo was saved (or that it does not know). */
  changedFiles(paths: readonly string[]): string[] {
    const entries = this.unchangedIn(paths);
    return paths.filter((_, i) => entries[i] === null);
  }

  /** The stored entry of a file whose settled identity is still the stored one. */
  private unchanged(path: string): Stored | undefined {
    const stored = this.load();
    // The same listing: a file git vouches for by blob id has the identity it had then, which
    // is the one stored (a save stores every kept file's identity of that run).
    if (this.storedListing !== undefined && this.storedListing === this.repo.listingDigest && this.repo.hasBlobIdentity(path)) {
      const entry = stored.get(path);
      return entry && entry.identity !== UNSETTLED ? entry : undefined;
    }
    const entry = stored.get(path);
    const identity = entry && this.repo.identity(path);
    return entry && identity?.settled && entry.identity === identity.key ? entry : undefined;
  }

  /** What `space` held for `path` last time, whether or not the file changed since. */
  previous<T>(space: string, path: string): T | undefined {
    const entry = this.load().get(path);
    return entry && (decode(this.valueOf(entry, space)) as T | undefined);
  }

  set(space: string, path: string, value: unknown): void {
    this.keep(space, path, value);
    this.changedPaths.add(path);
  }

  /** A whole-run value of `space` (one that depends on every file), as the last run left it. */
  run<T>(space: string): T | undefined {
    this.load();
    return (this.runs.has(space) ? this.runs.get(space) : this.storedRuns[space]) as T | undefined;
  }

  setRun(space: string, value: unknown): void {
    this.runs.set(space, value);
  }

  /**
   * Writes what this run computed, atomically; a failure to write is not the user's problem.
   * A file changed moments ago may change again unseen (racy times): it is stored under an
   * identity no file has, for `previous` only, and computed again next run.
   */
  save(): void {
    if (!this.file || (this.changedPaths.size === 0 && this.runs.size === 0)) return;
    const stored = this.load();
    const identityOf = (path: string): string => {
      const identity = this.repo.identity(path);
      return identity?.settled ? identity.key : UNSETTLED;
    };
    if (this.changedPaths.size <= JOURNAL_MAX_ENTRIES && stored.size > 0) {
      const files: JournalLine["files"] = [...this.changedPaths].map((path) => [path, identityOf(path), this.valuesOf(path)]);
      // A line may vouch for the listing only when every stored entry holds this run's
      // identity: so the files git changed since the memo's listing are written out as stale.
      const listing = this.repo.listingDigest;
      const stale = listing !== undefined && listing !== this.storedListing ? this.staleEntries() : [];
      const line: JournalLine = {
        context: this.context,
        ...(listing !== undefined && stale.length <= JOURNAL_MAX_ENTRIES ? { listing } : {}),
        files: [...files, ...stale.slice(0, JOURNAL_MAX_ENTRIES).map((path): [string, string, Record<string, unknown>] => [path, identityOf(path), {}])],
        runs: Object.fromEntries(this.runs),
      };
      const text = JSON.stringify(line);
      if (stale.length <= JOURNAL_MAX_ENTRIES && this.journalBytes + text.length < JOURNAL_MAX_BYTES && appendLine(journalOf(this.file), text)) return;
    }
    // This run's files, and stored ones still unchanged (their values stay good for other runs).
    const paths = new Set<string>();
    for (const values of this.values.values()) for (const path of values.keys()) paths.add(path);
    for (const [path, entry] of stored) if (this.repo.identity(path)?.key === entry.identity) paths.add(path);
    const kept = [...paths].sort();
    const identities = kept.map(identityOf);
    const spaces: Record<string, unknown[]> = {};
    for (const space of new Set([...this.spaceNames, ...this.values.keys()])) {
      const own = this.values.get(space);
      spaces[space] = kept.map((path, i) => {
        if (own?.has(path)) return encode(own.get(path));
        const entry = stored.get(path);
        return entry && identities[i] !== UNSETTLED && entry.identity === identities[i] ? (this.valueOf(entry, space) ?? null) : null;
      });
    }
    const runs = { ...this.storedRuns, ...Object.fromEntries(this.runs) };
    const memo: StoredMemo = { format: FORMAT_VERSION, context: this.context, listing: this.repo.listingDigest, paths: kept, identities, spaces, runs };
    writeAtomically(this.file, JSON.stringify(memo));
  }

  /** Stored files this run did not compute whose identity is no longer the stored one. */
  private staleEntries(): string[] {
    const stale: string[] = [];
    for (const [path, entry] of this.load()) {
      if (this.changedPaths.has(path) || entry.identity === UNSETTLED) continue;
      if (this.repo.identity(path)?.key !== entry.identity) stale.push(path);
    }
    return stale;
  }

  private valuesOf(path: string): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [space, byPath] of this.values) if (byPath.has(path)) values[space] = encode(byPath.get(path));
    return values;
  }

  /** A stored value, still encoded; undefined when the space holds none for the file. */
  private valueOf(entry: Stored, space: string): unknown {
    if (entry.journal && space in entry.journal) return entry.journal[space];
    return entry.row === undefined ? undefined : (this.rows.get(space)?.[entry.row] ?? undefined);
  }

  private keep(space: string, path: string, value: unknown): void {
    let values = this.values.get(space);
    if (!values) this.values.set(space, (values = new Map()));
    values.set(path, value);
  }

  /** The stored memo and its journal, read once; empty when missing, damaged, of another format or another context. */
  private load(): Map<string, Stored> {
    if (this.stored) return this.stored;
    const stored = new Map<string, Stored>();
    this.stored = stored;
    const memo = readJson(this.file) as Partial<StoredMemo> | undefined;
    if (memo?.format !== FORMAT_VERSION || memo.context !== this.context) return stored;
    const { paths, identities } = memo;
    if (!Array.isArray(paths) || !Array.isArray(identities) || paths.length !== identities.length) return stored;
    if (memo.spaces && typeof memo.spaces === "object") {
      for (const [space, values] of Object.entries(memo.spaces)) if (Array.isArray(values) && values.length === paths.length) this.rows.set(space, values);
    }
    this.spaceNames = new Set(this.rows.keys());
    if (memo.runs && typeof memo.runs === "object") this.storedRuns = { ...memo.runs };
    this.storedListing = typeof memo.listing === "string" ? memo.listing : undefined;
    for (let row = 0; row < paths.length; row++) {
      const path = paths[row];
      const identity = identities[row];
      if (typeof path === "string" && typeof identity === "string") stored.set(path, { identity, row, journal: undefined });
    }
    this.applyJournal(stored);
    return stored;
  }

  /** Journal lines override the memo file, oldest first; a line of another context, or cut short, is skipped. */
  private applyJournal(stored: Map<string, Stored>): void {
    for (const text of readLines(journalOf(this.file))) {
      this.journalBytes += text.length + 1;
      let line: Partial<JournalLine>;
      try {
        line = JSON.parse(text) as Partial<JournalLine>;
      } catch {
        continue;
      }
      if (line.context !== this.context || !Array.isArray(line.files)) continue;
      for (const entry of line.files) {
        if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string" || typeof entry[2] !== "object" || entry[2] === null) continue;
        const [path, identity, values] = entry;
        for (const space of Object.keys(values)) this.spaceNames.add(space);
        const before = stored.get(path);
        // A space the line does not mention keeps its value only while the file is the same.
        const same = before !== undefined && before.identity === identity && identity !== UNSETTLED;
        stored.set(path, { identity, row: same ? before.row : undefined, journal: same ? { ...before.journal, ...values } : values });
      }
      if (line.runs && typeof line.runs === "object") Object.assign(this.storedRuns, line.runs);
      this.storedListing = typeof line.listing === "string" ? line.listing : undefined;
    }
  }
}

function encode(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? EMPTY : value;
}

function decode(value: unknown): unknown {
  if (value === EMPTY) return [];
  return value === null ? undefined : value;
}
