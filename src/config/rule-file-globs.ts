import { placeOf } from "./rule-file-examples.js";
import { GLOB_FIELDS } from "./rule-file-schema.js";
import type { WrittenGlob } from "./rule-file-types.js";
import type { YamlSource } from "./yaml-source.js";

/**
 * Every glob the rule file writes, with its place, for guard/dead-glob. `forbid`/`allow`
 * entries may be package names (`moment`, `lodash/fp/**`); guard/dead-glob reads them as the
 * import kind does and tells them apart by whether their package part is a folder of the repo.
 */
export function writtenGlobs(raw: Record<string, unknown>, source: YamlSource): WrittenGlob[] {
  const globs: WrittenGlob[] = [];
  for (const field of GLOB_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    const entries = Array.isArray(value) ? value.map((glob, index) => ({ glob, path: [field, index] })) : [{ glob: value, path: [field] }];
    for (const { glob, path } of entries) {
      if (typeof glob !== "string") continue;
      globs.push({ source: source.file, field, glob, ...placeOf(source.locate(path)) });
    }
  }
  return globs;
}
