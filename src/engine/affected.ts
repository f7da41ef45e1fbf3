import { posix } from "node:path";
import type { ImportGraph } from "../graph/types.js";

// `src/a.ts`, `src/a.d.ts`, `src/a/index.tsx` → `src/a`: what a relative specifier names.
const CODE_SUFFIX = /(\/index)?(\.d)?\.[cm]?[jt]sx?$/;

/**
 * The changed files plus those whose relative import now finds nothing where a changed file
 * (deleted or renamed by the change) used to be: the change broke them, so their findings
 * belong to it. (Findings about an import of a changed file name it as a related place, and
 * are in scope through that.)
 */
export function affectedBy(changed: ReadonlySet<string>, graph: ImportGraph): Set<string> {
  const affected = new Set(changed);
  const changedModules = new Set([...changed].map((file) => file.replace(CODE_SUFFIX, "")));
  for (const file of graph.files) {
    for (const edge of graph.importsOf(file)) {
      if (edge.resolution.kind !== "unresolved" || !edge.specifier.startsWith(".")) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), edge.specifier)).replace(CODE_SUFFIX, "");
      if (changedModules.has(target)) affected.add(file);
    }
  }
  return affected;
}
