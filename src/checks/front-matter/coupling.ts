import type { FrontMatter } from "../../docs/model.js";
import { globMatcher } from "../../repo/glob.js";
import type { Workspace } from "../workspace.js";
import { docLinks, isMarkdownLike } from "../links/doc-links.js";

/** A code file a doc is tied to, and where the doc says so. */
export interface Coupling {
  code: string;
  via: "link" | "covers";
  line: number;
  column: number;
}

const DAY_MS = 86_400_000;
const GLOB_MAGIC = /[*?[\]{}()!+@]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The code files `doc` is coupled to: non-Markdown repo files it links to (when `withLinks`),
 * and the files its front-matter `covers:` globs select. Images are illustrations, not code.
 */
export function couplings(workspace: Workspace, doc: string, withLinks: boolean): Coupling[] {
  const found = new Map<string, Coupling>();
  if (withLinks) {
    for (const link of docLinks(workspace, doc)) {
      if (link.directory || link.kind === "image" || isMarkdownLike(link.path) || found.has(link.path)) continue;
      found.set(link.path, { code: link.path, via: "link", line: link.line, column: link.column });
    }
  }
  const frontMatter = workspace.markdown(doc)?.frontMatter;
  const globs = coversGlobs(frontMatter?.data?.covers);
  if (frontMatter && globs.length > 0) {
    const line = keyLine(frontMatter, "covers");
    for (const file of coveredFiles(workspace, globs)) {
      if (file !== doc && !found.has(file)) found.set(file, { code: file, via: "covers", line, column: 1 });
    }
  }
  return [...found.values()];
}

function coversGlobs(value: unknown): string[] {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return list.filter((glob): glob is string => typeof glob === "string" && glob.trim() !== "").map((glob) => glob.trim().replace(/^\.?\//, ""));
}

/**
 * The repo files a `covers:` list selects. Each glob is tested only against the files under its
 * literal folder prefix (a range of the sorted file list), so thousands of docs with narrow
 * globs do not each scan the whole repo; docs sharing a list share the result.
 */
function coveredFiles(workspace: Workspace, globs: string[]): string[] {
  const cache = workspace.shared("doc-covered-files", () => new Map<string, string[]>());
  const key = globs.join("\0");
  let files = cache.get(key);
  if (files) return files;
  const { repo } = workspace;
  const selected = new Set<string>();
  for (const written of globs) {
    if (repo.hasFile(written)) {
      selected.add(written);
      continue;
    }
    // A folder written without a glob (`src/orders/`) covers everything inside it.
    const folder = written.search(GLOB_MAGIC) < 0 && repo.hasDirectory(written);
    const glob = folder ? `${written.replace(/\/+$/, "")}/**` : written;
    const magicAt = glob.search(GLOB_MAGIC);
    if (magicAt < 0) continue;
    const prefix = glob.slice(0, glob.lastIndexOf("/", magicAt) + 1);
    const matcher = globMatcher([glob]);
    for (let i = firstAtOrAfter(repo.files, prefix); i < repo.files.length && repo.files[i]!.startsWith(prefix); i++) {
      if (matcher(repo.files[i]!)) selected.add(repo.files[i]!);
    }
  }
  cache.set(key, (files = [...selected]));
  return files;
}

/** Binary search in a sorted list: the index of the first entry >= `value`. */
function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The line of `key:` in the front-matter (1-based, in the file), else the opening `---` line. */
export function keyLine(frontMatter: FrontMatter, key: string): number {
  const lines = frontMatter.raw.split("\n");
  const index = lines.findIndex((line) => line.startsWith(key) && line.slice(key.length).trimStart().startsWith(":"));
  return index < 0 ? frontMatter.line : frontMatter.line + 1 + index;
}

/** A YAML timestamp or an ISO date string as epoch milliseconds; undefined for anything else. */
export function dateValue(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== "string" || !ISO_DATE.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : time;
}

/** "Now" for freshness: `GUARD_NOW` (an ISO date, a testing hook) or the clock. */
export function currentTime(): number {
  const fixed = process.env.GUARD_NOW ? Date.parse(process.env.GUARD_NOW) : Number.NaN;
  return Number.isNaN(fixed) ? Date.now() : fixed;
}

export function daysBetween(earlier: number, later: number): number {
  return Math.floor((later - earlier) / DAY_MS);
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export { DAY_MS };
