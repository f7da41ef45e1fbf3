import { posix } from "node:path";
import { packageVersion } from "../core/package-root.js";
import type { Repo } from "../repo/repo.js";
import { GraphCache, contentHash } from "./graph-cache.js";
import { resolutionEnvironment } from "./graph-environment.js";
import { THREAD_LEX_LIMIT, type LexerThread } from "./lexer-client.js";
import { saveCodeCache, useCodeCacheFolder } from "./typescript-cache.js";
import { isCodeFile, type ImportEdge, type ImportGraph, type ImportRef, type Resolution } from "./types.js";

export interface ImportGraphOptions {
  /** Reuse imports and resolutions from the cache folder (see cacheHome; default true). */
  cache?: boolean;
  /** A lexer thread started early (see LexerThread): a warm run's few changed files are lexed there. */
  lexer?: LexerThread;
}

type Extract = (text: string, path: string) => ImportRef[];
export interface Resolver {
  resolve(fromFile: string, specifier: string): Resolution;
}

/**
 * The import graph of every code file in the repo: each file read once, its imports lexed
 * and resolved. A warm run takes both from the cache, so an unchanged file is neither lexed
 * nor resolved again; the lexer (TypeScript) and the resolver load only when something missed.
 */
export async function buildImportGraph(repo: Repo, options: ImportGraphOptions = {}): Promise<ImportGraph> {
  const builder = new ImportGraphBuilder(repo, options);
  const graph = await builder.graph();
  builder.save();
  return graph;
}

/**
 * Builds the import graph file by file, on demand: `edgesOf` computes the edges of a few files
 * (what a rule needs when the file memo answered for the rest), `graph` those of every code file.
 * Each file is computed once per run; `save` writes the cache when the run is done.
 */
export class ImportGraphBuilder {
  /** What resolution depends on besides the specifier (see resolutionEnvironment). */
  readonly environment: string;
  private readonly cache: GraphCache;
  private readonly codeFiles: readonly string[];
  /** Edges by file; a file that could not be read or lexed is absent (the repo says why). */
  private readonly edges = new Map<string, readonly ImportEdge[]>();
  private readonly done = new Set<string>();
  /** Files whose edges a call is computing right now, and that call. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private extract: Extract | undefined;
  private resolver: Resolver | undefined;
  private whole: ImportGraph | undefined;

  constructor(
    private readonly repo: Repo,
    private readonly options: ImportGraphOptions = {},
  ) {
    this.codeFiles = repo.files.filter(isCodeFile);
    this.environment = resolutionEnvironment(repo);
    this.cache = new GraphCache(repo.root, packageVersion(), this.environment, options.cache ?? true);
  }

  /** Every code file of the repo, sorted. */
  files(): readonly string[] {
    return this.codeFiles;
  }

  /** The edges of `files` (code files of the repo), computing those not yet known; unreadable files are left out. */
  async edgesOf(files: readonly string[]): Promise<Map<string, readonly ImportEdge[]>> {
    await this.compute(files.filter((file) => !this.done.has(file) && isCodeFile(file) && this.repo.hasFile(file)));
    await this.settled(files);
    const found = new Map<string, readonly ImportEdge[]>();
    for (const file of files) {
      const edges = this.edges.get(file);
      if (edges) found.set(file, edges);
    }
    return found;
  }

  /** The whole graph. */
  async graph(): Promise<ImportGraph> {
    if (!this.whole) {
      await this.compute(this.codeFiles.filter((file) => !this.done.has(file)));
      await this.settled(this.codeFiles);
      this.whole = new Graph(new Map(this.codeFiles.flatMap((file) => (this.edges.has(file) ? [[file, this.edges.get(file)!] as const] : []))));
    }
    return this.whole;
  }

  /** Writes what this run learned to the cache. */
  save(): void {
    if (this.extract) saveCodeCache();
    this.cache.save();
  }

  /** Waits for the files an earlier, still running call is computing (see `prefetch`). */
  private async settled(files: readonly string[]): Promise<void> {
    if (this.inFlight.size === 0) return;
    await Promise.all(new Set(files.flatMap((file) => this.inFlight.get(file) ?? [])));
  }

  /**
   * Starts computing a few files' edges without waiting: a warm run knows which files changed
   * before its rules ask, and lexing them (on the lexer thread) then overlaps the rules' replay
   * of every other file. A failure surfaces where the edges are asked for.
   */
  prefetch(files: readonly string[]): void {
    const wanted = files.filter((file) => !this.done.has(file) && isCodeFile(file) && this.repo.hasFile(file));
    this.compute(wanted).catch(() => undefined);
  }

  private compute(files: readonly string[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    for (const file of files) this.done.add(file);
    const running = this.computeNow(files);
    for (const file of files) this.inFlight.set(file, running);
    return running.finally(() => {
      for (const file of files) if (this.inFlight.get(file) === running) this.inFlight.delete(file);
    });
  }

  private async computeNow(files: readonly string[]): Promise<void> {
    const importsByFile = await this.importsOf(files);
    for (const [file, refs] of importsByFile) {
      const resolutions = this.cache.resolutionsIn(posix.dirname(file));
      const edges: ImportEdge[] = [];
      for (const ref of refs) {
        let resolution = resolutions.get(ref.specifier);
        if (!resolution) {
          this.resolver ??= (await import("./resolver.js")).createResolver(this.repo.root, this.repo.files) as Resolver;
          resolution = resolveSafely(this.resolver, file, ref.specifier);
          if (!resolution) continue;
          resolutions.set(ref.specifier, resolution);
        }
        edges.push(importEdge(file, ref, resolution));
      }
      this.edges.set(file, edges);
    }
  }

  /**
   * The imports of each file: a file whose identity (blob id, or size + times + inode) is the
   * one the cache saw is not read at all; the others are read, and lexed unless their content
   * hash is cached.
   */
  private async importsOf(files: readonly string[]): Promise<Map<string, readonly ImportRef[]>> {
    const { repo, cache } = this;
    cache.expect(files.length);
    const known = new Map<string, readonly ImportRef[]>();
    const unread: string[] = [];
    for (const file of files) {
      const identity = repo.identity(file);
      // Only settled identities are ever stored: a file changed moments ago is not looked up.
      const hash = identity?.settled ? cache.contentHashOf(file, identity.key) : undefined;
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
    const toLex: { file: string; text: string; hash: string }[] = [];
    for (const file of files) {
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
      const refs = cache.imports(hash);
      if (refs) importsByFile.set(file, refs);
      else toLex.push({ file, text, hash });
    }
    const lexed = await this.lex(toLex);
    for (const { file, hash } of toLex) {
      const refs = lexed.get(file);
      if (!refs) continue;
      cache.setImports(hash, refs);
      importsByFile.set(file, refs);
    }
    // In the files' order, as a run that lexed everything would hold them.
    return new Map(files.flatMap((file) => (importsByFile.has(file) ? [[file, importsByFile.get(file)!] as const] : [])));
  }

  /**
   * Lexes files: a few on the lexer thread when one was started (it loaded TypeScript while
   * this thread listed the repo), else here; a file the lexer fails on is skipped, with why.
   */
  private async lex(files: readonly { file: string; text: string }[]): Promise<Map<string, readonly ImportRef[]>> {
    const lexed = new Map<string, readonly ImportRef[]>();
    if (files.length === 0) return lexed;
    const thread = this.options.lexer;
    if (thread?.usable && files.length <= THREAD_LEX_LIMIT) {
      const answers = await Promise.allSettled(files.map(({ file, text }) => thread.lex(text, file)));
      answers.forEach((answer, i) => {
        if (answer.status === "fulfilled") lexed.set(files[i]!.file, answer.value);
      });
    }
    for (const { file, text } of files) {
      if (lexed.has(file)) continue;
      if (!this.extract) {
        useCodeCacheFolder(this.cache.folder);
        this.extract = (await import("./extract-imports.js")).extractImports as Extract;
      }
      try {
        lexed.set(file, this.extract(text, file));
      } catch (error) {
        this.repo.skip(file, `could not be lexed (${(error as Error).message})`);
      }
    }
    return lexed;
  }
}

/** One import of `file` and where it leads: what every graph reader sees (the ESLint plugin builds its own from the editor's text). */
export function importEdge(file: string, ref: ImportRef, resolution: Resolution): ImportEdge {
  return {
    specifier: ref.specifier,
    kind: ref.kind,
    typeOnly: ref.typeOnly,
    line: ref.line,
    column: ref.column,
    endLine: ref.endLine,
    endColumn: ref.endColumn,
    from: file,
    resolution,
  };
}

/** A specifier the resolver chokes on (odd bytes) leaves no edge rather than crashing the run. */
export function resolveSafely(resolver: Resolver, file: string, specifier: string): Resolution | undefined {
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
