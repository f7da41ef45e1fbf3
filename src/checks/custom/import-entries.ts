import picomatch from "picomatch";
import { cleanGlob, substituteCaptures, withBelow, withoutCaptures, type Captures } from "./import-captures.js";
import type { ImportTarget } from "./import-target.js";

/** Glob syntax in a package name part: such an entry is a repo glob only (`**\/internal/**`). */
const GLOB_CHARACTER = /[*?[\]{}()!]/;

/**
 * How one `forbid`/`allow` entry is read (documented in docs/rule-files.md):
 * - Every entry is a repo glob matched against the path of an imported repo file; like every
 *   guard glob it also names what is below it (`src/ui` = `src/ui/**`).
 * - An entry that does not start with `.` or `/` and whose package part (the first segment, or
 *   `@scope/name`) holds no glob syntax (`@scope/*` excepted) is also a package entry, matched
 *   against the imported module of a bare specifier or built-in, and what is below it:
 *   `moment` matches `moment` and `moment/locale/fr`, not `moment-timezone`.
 * - `fs` and `node:fs` are one module: either entry matches either import; a `node:` entry
 *   matches built-ins only.
 */
interface EntryShape {
  packageEntry: boolean;
  builtinOnly: boolean;
  /** The package part (`moment`, `@scope/pkg`, `fs` for `node:fs`); undefined when not a package entry. */
  packageName?: string;
}

export function entryShape(written: string): EntryShape {
  const entry = withoutCaptures(written.trim());
  if (entry === "" || entry.startsWith(".") || entry.startsWith("/")) return { packageEntry: false, builtinOnly: false };
  const builtinOnly = entry.startsWith("node:");
  const name = builtinOnly ? entry.slice("node:".length) : entry;
  const segments = name.split("/");
  const scoped = name.startsWith("@") && segments.length > 1;
  const packagePart = scoped ? [segments[0]!, segments[1] === "*" ? "" : segments[1]!] : [segments[0]!];
  const packageEntry = packagePart.every((segment) => !GLOB_CHARACTER.test(segment));
  return packageEntry ? { packageEntry, builtinOnly, packageName: segments.slice(0, scoped ? 2 : 1).join("/") } : { packageEntry, builtinOnly };
}

type EntryMatcher = (target: ImportTarget) => boolean;

/**
 * Compiles `forbid`/`allow` entries once per captured folder name: a rule over many features
 * compiles each substituted glob once, whatever the number of files and imports.
 */
export class EntryMatchers {
  private readonly cache = new Map<string, EntryMatcher>();
  /** The matchers for one file's captures: every import of a file shares its captures record. */
  private readonly perCaptures = new WeakMap<Captures, EntryMatcher[]>();

  constructor(private readonly entries: readonly string[]) {}

  /** The first entry (as written) that matches the target, with the captures put in. */
  firstMatch(target: ImportTarget, captures: Captures): string | undefined {
    let matchers = this.perCaptures.get(captures);
    if (!matchers) this.perCaptures.set(captures, (matchers = this.entries.map((entry) => this.matcher(entry, captures))));
    const index = matchers.findIndex((matches) => matches(target));
    return index === -1 ? undefined : this.entries[index];
  }

  private matcher(written: string, captures: Captures): EntryMatcher {
    const glob = cleanGlob(substituteCaptures(written, captures));
    const key = `${written}\u0000${glob}`;
    let matcher = this.cache.get(key);
    if (!matcher) this.cache.set(key, (matcher = compileEntry(written, glob)));
    return matcher;
  }
}

function compileEntry(written: string, glob: string): EntryMatcher {
  const { packageEntry, builtinOnly } = entryShape(written);
  const name = builtinOnly ? glob.slice("node:".length) : glob;
  const matches = picomatch(withBelow(name), { dot: true });
  return (target) => {
    if (!builtinOnly && target.path !== undefined && matches(target.path)) return true;
    if (!packageEntry || target.module === undefined) return false;
    return (!builtinOnly || target.builtin) && matches(target.module);
  };
}
