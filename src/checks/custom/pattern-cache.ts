import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PatternRuleFile } from "../../config/rule-file-types.js";
import { appendLine, cacheFolder, codeStamp, FileIdentities, JOURNAL_MAX_BYTES, JOURNAL_MAX_ENTRIES, journalOf, readWithJournal, writeAtomically } from "../../repo/cache-files.js";
import { decodeEntries, encodeEntries, type Entry, type StoredPatterns } from "./pattern-cache-format.js";
import type { PatternMatch } from "./pattern-finding.js";
import { LANGUAGES, type Language } from "./pattern-lang.js";

/** Bump when the stored shape changes, so old cache files are never read. */
const FORMAT_VERSION = 1;
const NO_MATCHES: readonly PatternMatch[] = Object.freeze([]);

/**
 * What decides a rule's matches on a file of one language: its ast-grep rule and constraints
 * (the compiled config) and the grammar. Not `files`/`ignore` (applied before the cache is
 * asked) nor `message`/`fix`/`severity` (applied at report time to the stored matches).
 */
export function ruleKey(spec: PatternRuleFile, language: Language): string {
  const rule = spec.rule ?? { pattern: spec.pattern };
  return createHash("sha1").update(JSON.stringify([language, rule, spec.constraints ?? null])).digest("hex").slice(0, 16);
}

/** Every key the loaded pattern rule files have: entries under any other key are dropped on save. */
export function liveRuleKeys(specs: readonly PatternRuleFile[]): Set<string> {
  return new Set(specs.flatMap((spec) => LANGUAGES.map((language) => ruleKey(spec, language))));
}

/**
 * Pattern matches by content hash and rule key, in `patterns-*.json` in the cache folder
 * (see cacheHome; `--no-cache` turns it off). With each file's identity
 * (blob id, or size, times and inode: Repo.identity), a warm run knows a file's content hash
 * without reading it, and its matches for every rule whose key it has seen without parsing it.
 * The file name carries guard's version and a stamp of the pattern code and the ast-grep
 * version, so another build's cache is never read. A save keeps the files still listed and
 * the rule keys still loaded; a small change is appended to a journal beside the file.
 */
export class PatternCache {
  private readonly file: string | undefined;
  private journalBytes = 0;
  private readonly identities = new FileIdentities();
  private readonly results = new Map<string, Entry>();
  /** Content hashes whose entry gained rule keys this run. */
  private readonly grown = new Set<string>();
  private loadedResults = 0;

  constructor(root: string, toolVersion: string, enabled: boolean) {
    const folder = cacheFolder(root, enabled);
    if (!folder) return;
    this.file = join(folder, `patterns-${toolVersion}-${patternStamp()}.json`);
    this.journalBytes = readWithJournal(this.file, (stored) => this.add(stored));
    this.loadedResults = this.results.size;
  }

  private add(stored: unknown): void {
    const decoded = decodeEntries(stored);
    this.identities.load(decoded.files);
    for (const [hash, entry] of decoded.results) this.results.set(hash, merge(this.results.get(hash), entry));
  }

  /** The content hash a file had when the cache last saw it with this identity: unchanged, need not be read. */
  contentHashOf(path: string, identity: string): string | undefined {
    return this.identities.contentHashOf(path, identity);
  }

  /** Remembers a file's content hash under its identity (settled identities only; see Repo.identity). */
  setContentHash(path: string, identity: string, hash: string): void {
    this.identities.set(path, identity, hash);
  }

  /** Per rule key, the matches stored for this content ([] when it had none), or undefined when never run. */
  matches(hash: string, keys: readonly string[]): (readonly PatternMatch[] | undefined)[] {
    const entry = this.results.get(hash);
    return keys.map((key) => (!entry ? undefined : entry.empty.has(key) ? NO_MATCHES : entry.found.get(key)));
  }

  /** Stores what rules (by key) matched in content with this hash. */
  store(hash: string, found: ReadonlyMap<string, readonly PatternMatch[]>): void {
    if (found.size === 0) return;
    const added: Entry = { empty: new Set(), found: new Map() };
    for (const [key, matches] of found) {
      if (matches.length === 0) added.empty.add(key);
      else added.found.set(key, matches);
    }
    this.results.set(hash, merge(this.results.get(hash), added));
    this.grown.add(hash);
  }

  /**
   * Writes what changed: nothing when nothing did, one journal line for a few entries, else the
   * whole file with only files still listed and rule keys still loaded. Never throws.
   */
  save(listed: (path: string) => boolean, live: ReadonlySet<string>): void {
    if (!this.file) return;
    const { stored, used } = this.identities;
    const files = new Map<string, [string, string]>();
    for (const [path, value] of stored) if (listed(path)) files.set(path, value);
    for (const [path, value] of used) files.set(path, value);
    const changedFiles = this.identities.changed();
    const kept = new Set([...files.values()].map(([, hash]) => hash));
    const deadResults = [...this.results.keys()].filter((hash) => !kept.has(hash)).length;
    const deadSets = new Map<Set<string>, boolean>();
    const deadKeys = [...this.results.values()].filter((entry) => hasDeadKey(entry, live, deadSets)).length;
    const droppedFiles = stored.size - [...stored.keys()].filter((path) => files.has(path)).length;
    const dead = deadResults + deadKeys + droppedFiles;
    const changes = changedFiles.length + this.grown.size + dead;
    // Only a few dead entries: left for the next rewrite rather than a journal line every run.
    if (changedFiles.length + this.grown.size === 0 && dead <= JOURNAL_MAX_ENTRIES) return;
    const grown = [...this.grown].map((hash): [string, Entry] => [hash, this.results.get(hash)!]);
    const line = JSON.stringify(encodeEntries(changedFiles, grown, live));
    const small = changes <= JOURNAL_MAX_ENTRIES && this.loadedResults > 0 && this.journalBytes + line.length < JOURNAL_MAX_BYTES;
    if (small && appendLine(journalOf(this.file), line)) return;
    const results = [...this.results].filter(([hash]) => kept.has(hash));
    const all = encodeEntries([...files].map(([path, [identity, hash]]) => [path, identity, hash]), results, live);
    writeAtomically(this.file, JSON.stringify(all satisfies StoredPatterns));
  }
}

function merge(old: Entry | undefined, added: Entry): Entry {
  if (!old) return added;
  const empty = new Set([...old.empty, ...added.empty]);
  const found = new Map([...old.found, ...added.found]);
  for (const key of empty) found.delete(key);
  return { empty, found };
}

/** Whether an entry holds a key no loaded rule has; `known` remembers the answer per shared set. */
function hasDeadKey(entry: Entry, live: ReadonlySet<string>, known: Map<Set<string>, boolean>): boolean {
  let dead = known.get(entry.empty);
  if (dead === undefined) {
    dead = [...entry.empty].some((key) => !live.has(key));
    known.set(entry.empty, dead);
  }
  return dead || [...entry.found.keys()].some((key) => !live.has(key));
}

/** The pattern code of this build (every pattern-*.js here) and the ast-grep version that parses. */
function patternStamp(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return codeStamp(here, ["pattern-"], [String(FORMAT_VERSION), astGrepVersion()]);
}

function astGrepVersion(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve("@ast-grep/napi/package.json");
    return String((JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown }).version);
  } catch {
    return "unknown";
  }
}
