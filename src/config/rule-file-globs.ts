import { placeOf } from "./rule-file-examples.js";
import { GLOB_FIELDS } from "./rule-file-schema.js";
import type { WrittenGlob } from "./rule-file-types.js";
import type { YamlSource } from "./yaml-source.js";

/** Fields of an import rule whose entries may be package names instead of repo globs. */
const PACKAGE_FIELDS = new Set(["forbid", "allow"]);

/**
 * Every glob the rule file writes, with its place, for guard/dead-glob. `forbid`/`allow`
 * entries that are package names (`moment`, `@scope/pkg`) are left out: they name no file.
 * Package subpaths (`lodash/fp/**`) look like repo globs here; guard/dead-glob tells them apart
 * by whether their first segment is a folder of the repo.
 */
export function writtenGlobs(raw: Record<string, unknown>, source: YamlSource): WrittenGlob[] {
  const globs: WrittenGlob[] = [];
  for (const field of GLOB_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    const entries = Array.isArray(value) ? value.map((glob, index) => ({ glob, path: [field, index] })) : [{ glob: value, path: [field] }];
    for (const { glob, path } of entries) {
      if (typeof glob !== "string") continue;
      if (PACKAGE_FIELDS.has(field) && isPackageName(glob)) continue;
      globs.push({ source: source.file, field, glob, ...placeOf(source.locate(path)) });
    }
  }
  return globs;
}

/**
 * A bare specifier: no slash (`moment`, `lodash`) or a scoped name (`@scope/pkg`, `@scope/*`).
 * Repo globs start with a folder (`src/ui/**`) or `./`.
 */
export function isPackageName(entry: string): boolean {
  if (entry.startsWith(".") || entry.startsWith("/")) return false;
  if (entry.startsWith("@")) return /^@[^/]+\/[^/]+$/.test(entry);
  return !entry.includes("/") && !/[*?[\]{}]/.test(entry);
}
