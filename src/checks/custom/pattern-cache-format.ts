import type { PatternMatch } from "./pattern-finding.js";

/** What the rules (by key) found in one content: most found nothing, so `empty` is a shared set. */
export interface Entry {
  empty: Set<string>;
  found: Map<string, readonly PatternMatch[]>;
}

/** [line, column, endLine, endColumn, matched code, message data] */
type StoredMatch = [number, number, number, number, string, Record<string, string>];

/**
 * The cache file (and each journal line). Rule keys are written once and referred to by index;
 * so are the lists of rules that matched nothing, which nearly every content shares.
 */
export interface StoredPatterns {
  rules: string[];
  sets: number[][];
  /** [path, identity (Repo.identity), content hash] */
  files: [string, string, string][];
  /** [content hash, index in sets, [rule index, matches][]] */
  results: [string, number, [number, StoredMatch[]][]][];
}

/** Encodes files and entries, leaving out rule keys that are not `live`. */
export function encodeEntries(files: [string, string, string][], entries: [string, Entry][], live: ReadonlySet<string>): StoredPatterns {
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (key: string): number => {
    let index = ruleIndex.get(key);
    if (index === undefined) {
      index = rules.push(key) - 1;
      ruleIndex.set(key, index);
    }
    return index;
  };
  const sets: number[][] = [];
  const setIndex = new Map<string, number>();
  const results: StoredPatterns["results"] = [];
  for (const [hash, entry] of entries) {
    const empty = [...entry.empty].filter((key) => live.has(key)).map(indexOf).sort((a, b) => a - b);
    const name = empty.join(",");
    let set = setIndex.get(name);
    if (set === undefined) {
      set = sets.push(empty) - 1;
      setIndex.set(name, set);
    }
    const found = [...entry.found].filter(([key]) => live.has(key)).map(([key, matches]): [number, StoredMatch[]] => [indexOf(key), matches.map(encodeMatch)]);
    results.push([hash, set, found]);
  }
  return { rules, sets, files, results };
}

/**
 * Decodes a cache file or journal line; anything malformed (a damaged or foreign file) is
 * skipped entry by entry, so a bad cache costs a parse, never a wrong finding or a crash.
 */
export function decodeEntries(value: unknown): { files: [string, string, string][]; results: [string, Entry][] } {
  const none = { files: [], results: [] };
  if (typeof value !== "object" || value === null) return none;
  const stored = value as Partial<Record<keyof StoredPatterns, unknown>>;
  if (!Array.isArray(stored.rules) || !stored.rules.every((key) => typeof key === "string")) return none;
  const rules = stored.rules as string[];
  const sets = Array.isArray(stored.sets) ? stored.sets.map((set) => decodeSet(set, rules)) : [];
  const files = Array.isArray(stored.files)
    ? stored.files.filter((entry): entry is [string, string, string] => isTuple(entry, 3) && entry.every((part) => typeof part === "string"))
    : [];
  const results: [string, Entry][] = [];
  for (const entry of Array.isArray(stored.results) ? stored.results : []) {
    if (!isTuple(entry, 3) || typeof entry[0] !== "string" || typeof entry[1] !== "number") continue;
    const empty = sets[entry[1]];
    const found = decodeFound(entry[2], rules);
    if (empty && found) results.push([entry[0], { empty, found }]);
  }
  return { files, results };
}

function encodeMatch(match: PatternMatch): StoredMatch {
  return [match.line, match.column, match.endLine, match.endColumn, match.match, match.data];
}

function decodeSet(set: unknown, rules: readonly string[]): Set<string> | undefined {
  if (!Array.isArray(set) || !set.every((index) => typeof rules[index as number] === "string")) return undefined;
  return new Set(set.map((index: number) => rules[index]!));
}

/** Shared by the many entries without a match (never mutated: merging makes new maps). */
const NONE_FOUND = new Map<string, PatternMatch[]>();

function decodeFound(found: unknown, rules: readonly string[]): Map<string, PatternMatch[]> | undefined {
  if (!Array.isArray(found)) return undefined;
  if (found.length === 0) return NONE_FOUND;
  const result = new Map<string, PatternMatch[]>();
  for (const pair of found) {
    if (!isTuple(pair, 2) || typeof rules[pair[0] as number] !== "string" || !Array.isArray(pair[1])) return undefined;
    const matches = pair[1].map(decodeMatch);
    if (matches.some((match) => match === undefined)) return undefined;
    result.set(rules[pair[0] as number]!, matches as PatternMatch[]);
  }
  return result;
}

function decodeMatch(value: unknown): PatternMatch | undefined {
  if (!isTuple(value, 6)) return undefined;
  const [line, column, endLine, endColumn, match, data] = value;
  if (![line, column, endLine, endColumn].every((n) => Number.isSafeInteger(n) && (n as number) >= 1)) return undefined;
  if (typeof match !== "string" || typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  if (!Object.values(data).every((text) => typeof text === "string")) return undefined;
  return { line: line as number, column: column as number, endLine: endLine as number, endColumn: endColumn as number, data: data as Record<string, string>, match };
}

function isTuple(value: unknown, length: number): value is unknown[] {
  return Array.isArray(value) && value.length === length;
}
