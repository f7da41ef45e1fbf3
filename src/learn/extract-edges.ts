import type { ImportEdge, ImportRef } from "../graph/types.js";
import { Repo } from "../repo/repo.js";

/**
 * The imports of a few files at one revision, resolved as the import graph resolves them
 * (tsconfig paths, workspace packages, `.js` for `.ts`) against that revision's file list.
 * Learn needs the changed files only, so it lexes those instead of the whole tree.
 */
export async function importsAt(root: string, revision: string, files: { path: string; text: string }[]): Promise<Map<string, ImportEdge[]>> {
  const edges = new Map<string, ImportEdge[]>();
  if (files.length === 0) return edges;
  const { extractImports } = (await import("../graph/extract-imports.js")) as { extractImports(text: string, path: string): ImportRef[] };
  const { createResolver } = await import("../graph/resolver.js");
  const repo = new Repo({ root, exclude: [], source: "revision", revision });
  const resolver = createResolver(root, repo.files);
  for (const { path, text } of files) {
    const list: ImportEdge[] = [];
    let refs: ImportRef[] = [];
    try {
      refs = extractImports(text, path);
    } catch {
      refs = [];
    }
    for (const ref of refs) {
      try {
        list.push({ ...ref, from: path, resolution: resolver.resolve(path, ref.specifier) });
      } catch {
        // A specifier the resolver chokes on leaves no edge, as in the import graph.
      }
    }
    edges.set(path, list);
  }
  return edges;
}
