import { posix } from "node:path";
import { globMatcher } from "../repo/glob.js";
import type { Candidate, DraftRule } from "./types.js";

/**
 * Areas where code may do what product code must not (LEARN.md §4): tests and their helpers,
 * scripts, tools, examples, benchmarks. A general candidate that fires at HEAD only in such
 * areas is kept with `ignore` globs for them; one that fires in product code is left to a
 * narrower scope (the next candidate), so a learned rule never quietly exempts a product folder.
 */
const TOOLING_FOLDERS = new Set([
  "test", "tests", "__tests__", "__mocks__", "spec", "specs", "e2e", "fixtures", "__fixtures__", "testing", "test-utils",
  "scripts", "script", "tools", "tooling", "bin", "examples", "example", "bench", "benchmarks", "benchmark", "perf", "stories", ".storybook",
]);
const TEST_FILE = /\.(test|spec|stories|bench)\.([cm]?[jt]sx?)$/;
/** More areas than this and the candidate is too general: go narrower instead. */
const MAX_IGNORES = 4;

/**
 * The candidate with `ignore` globs for the areas it fired in at HEAD, or undefined when one of
 * them is product code or would also exempt a place the mistake was made (`protectedFiles`).
 */
export function withIgnores(candidate: Candidate, headFiles: readonly string[], protectedFiles: readonly string[]): Candidate | undefined {
  const globs = new Set<string>();
  for (const file of headFiles) {
    const glob = ignoreFor(file, protectedFiles);
    if (!glob) return undefined;
    globs.add(glob);
  }
  if (globs.size === 0 || globs.size > MAX_IGNORES) return undefined;
  const added = [...globs].sort();
  const rule = { ...candidate.rule, ignore: [...new Set([...candidate.rule.ignore, ...added])] } as DraftRule;
  return { ...candidate, rule, label: `${candidate.label}, ignoring ${added.join(", ")}` };
}

/** `**\/*.test.ts` for a test file, else the shortest tooling folder around it (`scripts/**`, `src/test/**`). */
function ignoreFor(file: string, protectedFiles: readonly string[]): string | undefined {
  const spares = (glob: string) => {
    const match = globMatcher([glob]);
    return !protectedFiles.some((path) => match(path));
  };
  const test = TEST_FILE.exec(posix.basename(file));
  if (test) {
    const glob = `**/*.${test[1]}.${test[2]}`;
    if (spares(glob)) return glob;
  }
  const folders = posix.dirname(file).split("/");
  for (let depth = 1; depth <= folders.length; depth++) {
    if (!TOOLING_FOLDERS.has(folders[depth - 1]!.toLowerCase())) continue;
    const glob = `${folders.slice(0, depth).join("/")}/**`;
    return spares(glob) ? glob : undefined;
  }
  return undefined;
}
