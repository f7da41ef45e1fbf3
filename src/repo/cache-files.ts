import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * File plumbing for guard's caches under `node_modules/.cache/guard/`: a cache is only ever
 * an optimisation, so every read that fails yields nothing and every write that fails is
 * dropped silently (read-only node_modules, full disk, a file cut short by a crash).
 */

/** node_modules/.cache/guard, or undefined when caching is off or the repo has no node_modules (we never create one). */
export function cacheFolder(root: string, enabled: boolean): string | undefined {
  const modules = join(root, "node_modules");
  return enabled && existsSync(modules) ? join(modules, ".cache", "guard") : undefined;
}

/**
 * A short stamp of the code that produced cached data: a format version, extra strings (such as
 * a parser's version) and the bytes of each `*.js` file in `dir` whose name starts with one of
 * `prefixes`, so a cache written by another build of guard is never read as current.
 */
export function codeStamp(dir: string, prefixes: readonly string[], extra: readonly string[]): string {
  const stamp = createHash("sha1").update(extra.join("\n"));
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

/**
 * Writes atomically (temp file + rename), then removes the files older builds left for the
 * same cache (`<kind>-*.json` and their `.jsonl` journals, `kind` being the name up to its first
 * `-`), and this file's own journal, whose entries the new file now holds.
 */
export function writeAtomically(file: string | undefined, content: string): void {
  if (!file) return;
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, content);
    renameSync(temp, file);
    const kind = `${basename(file).split("-")[0]}-`;
    for (const name of readdirSync(folder)) {
      if (name.startsWith(kind) && (name.endsWith(".json") || name.endsWith(".jsonl")) && name !== basename(file)) {
        rmSync(join(folder, name), { force: true });
      }
    }
  } catch {
    // Read-only node_modules, full disk: the next run works it out again.
  }
}
