import { posix } from "node:path";
import { UsageError } from "../../core/errors.js";
import { didYouMean } from "../../core/suggest.js";
import { globMatcher } from "../../repo/glob.js";
import type { Repo } from "../../repo/repo.js";

/**
 * Reads `packages: [globs]` from a rule's options (guard.yaml
 * `rules: { <id>: { severity, packages: ["packages/*"] } }`); anything else is a usage error.
 */
export function packageGlobsOption(ruleId: string, options: Record<string, unknown>): string[] {
  const where = `rules.${ruleId}`;
  for (const key of Object.keys(options)) {
    if (key !== "packages") {
      throw new UsageError(`unknown option "${key}" in ${where}`, {
        expected: "`severity` or `packages` (a list of folder globs, e.g. [\"packages/*\"])",
        suggestion: didYouMean(key, ["packages", "severity"]) ?? `remove "${key}"`,
      });
    }
  }
  const value = options.packages;
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((glob) => typeof glob === "string" && glob.trim() !== "")) {
    throw new UsageError(`invalid value for ${where}.packages`, {
      expected: 'a list of folder globs, e.g. ["packages/*", "apps/*"]',
    });
  }
  return value.map((glob: string) => glob.trim().replace(/^\.\//, "").replace(/\/+$/, ""));
}

/** Folders of the repo (holding at least one listed file) that match any of the globs. */
export function matchingFolders(repo: Repo, globs: readonly string[]): string[] {
  if (globs.length === 0) return [];
  const matches = globMatcher(globs);
  const folders = new Set<string>();
  for (const file of repo.files) {
    for (let dir = posix.dirname(file); dir !== "." && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }
  return [...folders].filter(matches).sort();
}
