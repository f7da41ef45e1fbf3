import { posix } from "node:path";
import { packageVersion } from "../core/package-root.js";
import type { Repo } from "../repo/repo.js";
import { GraphCache, contentHash } from "./graph-cache.js";
import { resolutionEnvironment } from "./graph-environment.js";
import { saveCodeCache, useCodeCacheFolder } from "./typescript-cache.js";
import { isCodeFile, type ImportEdge, type ImportGraph, type ImportRef, type Resolution } from "./types.js";

export interface ImportGraphOptions {
  /** Reuse imports and resolutions from node_modules/.cache/guard (default true). */
  cache?: boolean;
}

type Extract = (text: string, path: string) => ImportRef[];
interface Resolver {
  resolve(fromFile: string, specifier: string): Resolution;
}

/**
 * The import graph of every code file in the repo: each file read once, its imports lexed
 * and resolved. A warm run takes both from the cache, so an unchanged file is neither lexed
 * nor resolved again; the lexer (TypeScript) and the resolver load only when something missed.
 */
export async function buildImportGraph(repo: Repo, options: ImportGraphOptions = {}): Promise<ImportGraph> {
  const codeFiles = repo.files.filter(isCodeFile);
  const cache = new GraphCache(repo.root, packageVersion(), resolutionEnvironment(repo), options.cache ?? true);

  // A file whose identity (blob id, or size + times + inode) is the one the cache saw is not
  // read at all: on a warm run after a one-file edit, only that file is read and lexed.
  const known = new Map<string, readonly ImportRef[]>();
  const unread: string[] = [];
  for (const file of codeFiles) {
    const identity = repo.identity(file);
    const hash = identity && cache.contentHashOf(file, identity.key);
    const refs = hash ? cache.imports(hash) : undefined;
    if (refs) {
      known.set(file, refs);
      repo.vouch(file);
    } else {
      unread.push(file);
    }
  }
  repo.preload(unread);

  const importsByFile = new Map<string, readonly ImportRef[]>();
  let extract: Extract | undefined;
  for (const file of codeFiles) {
    const cached = known.get(file);
    if (cached) {
      importsByFile.set(file, cached);
      continue;
    }
    const text = repo.readText(file);
    if (text === undefined) continue; // binary, huge, unreadable: the repo records why
    const hash = contentHash(text);
    const identity = repo.identity(file);
    if (identity?.settled) cache.setContentHash(file, identity.key, hash);
    let refs = cache.imports(hash);
    if (!refs) {
      if (!extract) {
        useCodeCacheFolder(cache.folder);
        extract = (await import("./extract-imports.js")).extractImports as Extract;
      }
      try {
        refs = extract(text, file);
      } catch (error) {
        repo.skip(file, `could not be lexed (${(error as Error).message})`);
        continue;
      }
      cache.setImports(hash, refs);
    }
    importsByFile.set(file, refs);
  }

  if (extract) saveCodeCache();

  let resolver: Resolver | undefined;
  const edgesByFile = new Map<string, ImportEdge[]>();
  for (const [file, refs] of importsByFile) {
    const resolutions = cache.resolutionsIn(posix.dirname(file));
    const edges: ImportEdge[] = [];
    for (const ref of refs) {
      let resolution = resolutions.get(ref.specifier);
      if (!resolution) {
        resolver ??= (await import("./resolver.js")).createResolver(repo.root, repo.files) as Resolver;
        resolution = resolveSafely(resolver, file, ref.specifier);
        if (!resolution) continue;
        resolutions.set(ref.specifier, resolution);
      }
      edges.push({
        specifier: ref.specifier,
        kind: ref.kind,
        typeOnly: ref.typeOnly,
        line: ref.line,
        column: ref.column,
        endLine: ref.endLine,
        endColumn: ref.endColumn,
        from: file,
        resolution,
      });
    }
    edgesByFile.set(file, edges);
  }
  cache.save();
  return new Graph(edgesByFile);
}

/** A specifier the resolver chokes on (odd bytes) leaves no edge rather than crashing the run. */
function resolveSafely(resolver: Resolver, file: string, specifier: string): Resolution | undefined {
  try {
    return resolver.resolve(file, specifier);
  } catch {
    return undefined;
  }
}

class Graph implements ImportGraph {
  readonly files: readonly string[];
  private local: ImportEdge[] | undefined;

  constructor(private readonly edgesByFile: ReadonlyMap<string, readonly ImportEdge[]>) {
    this.files = [...edgesByFile.keys()].sort();
  }

  importsOf(file: string): readonly ImportEdge[] {
    return this.edgesByFile.get(file) ?? [];
  }

  localEdges(): readonly ImportEdge[] {
    this.local ??= this.files.flatMap((file) => this.importsOf(file).filter((edge) => edge.resolution.kind === "local"));
    return this.local;
  }
}
