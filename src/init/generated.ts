import { generatedImports as importsOfGeneratedFiles } from "../checks/generated/imports.js";
import type { Workspace } from "../checks/workspace.js";
import type { ImportGraph } from "../graph/types.js";
import type { GeneratedImport } from "./types.js";

/**
 * The files a build writes that the code imports (`importMap.js`, `routeTree.gen.ts`), each with
 * its importers: the same judgement arch/unresolved makes (gitignored, or named as generated),
 * grouped by file for the comment init writes.
 */
export function generatedImports(workspace: Workspace, graph: ImportGraph): GeneratedImport[] {
  const byTarget = new Map<string, Set<string>>();
  const edges = graph.files.flatMap((file) => graph.importsOf(file));
  for (const { path, from } of importsOfGeneratedFiles(workspace, edges)) {
    // An installed package reached by a relative path is no build output of this repository.
    if (path.split("/").includes("node_modules")) continue;
    byTarget.set(path, (byTarget.get(path) ?? new Set()).add(from));
  }
  return [...byTarget]
    .map(([target, importers]) => ({ target, importers: [...importers].sort() }))
    .sort((a, b) => (a.target < b.target ? -1 : 1));
}
