import { posix } from "node:path";
import { isGitIgnored } from "../checks/links/gitignored.js";
import type { Workspace } from "../checks/workspace.js";
import { CODE_EXTENSIONS, type ImportGraph } from "../graph/types.js";
import type { GeneratedImport } from "./types.js";

/**
 * Imports of files that git ignores: a build writes them (`importMap.js`, `routeTree.gen.ts`),
 * so a fresh clone does not have them. Found as relative imports that name no listed file but
 * whose target path (as written, or with a code extension) .gitignore ignores.
 */
export function generatedImports(workspace: Workspace, graph: ImportGraph): GeneratedImport[] {
  const byTarget = new Map<string, Set<string>>();
  const listed = (path: string) => workspace.repo.hasFile(path);
  for (const file of graph.files) {
    for (const edge of graph.importsOf(file)) {
      const { resolution } = edge;
      if (resolution.kind === "local" && listed(resolution.path)) continue;
      if (resolution.kind !== "local" && resolution.kind !== "unresolved") continue;
      if (!edge.specifier.startsWith("./") && !edge.specifier.startsWith("../")) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), edge.specifier.replace(/[?#].*$/, "")));
      // An installed package reached by a relative path is no build output of this repository.
      if (target.startsWith("../") || target.split("/").includes("node_modules")) continue;
      const ignored = candidates(target).find((path) => isGitIgnored(workspace, path));
      if (ignored === undefined) continue;
      byTarget.set(ignored, (byTarget.get(ignored) ?? new Set()).add(file));
    }
  }
  return [...byTarget]
    .map(([target, importers]) => ({ target, importers: [...importers].sort() }))
    .sort((a, b) => (a.target < b.target ? -1 : 1));
}

/** The path as imported, then with each code extension (`./x.js` may name x.ts). */
function candidates(target: string): string[] {
  const stem = target.replace(/\.(?:[cm]?js|jsx)$/, "");
  return [target, ...CODE_EXTENSIONS.map((extension) => `${stem}${extension}`)];
}
