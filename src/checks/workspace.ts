import { createRequire } from "node:module";
import type { ResolvedConfig } from "../config/types.js";
import type { ChangeContext } from "../core/change.js";
import type { RuleFile } from "../config/rule-file-types.js";
import type { MarkdownDoc } from "../docs/model.js";
import { contentHash, type MarkdownCache } from "../docs/markdown-cache.js";
import { parseMany } from "../docs/parse-many.js";
import { ImportGraphBuilder, type ImportGraphOptions } from "../graph/import-graph.js";
import { THREAD_LEX_LIMIT } from "../graph/lexer-client.js";
import type { ImportEdge, ImportGraph } from "../graph/types.js";
import { bundled } from "../core/bundle.js";
import { packageVersion } from "../core/package-root.js";
import { FileMemo } from "../repo/file-memo.js";
import { globMatcher } from "../repo/glob.js";
import type { Repo } from "../repo/repo.js";
import { memoContext } from "./memo-context.js";

const MARKDOWN = /\.(md|markdown)$/i;

type ParseMarkdown = (path: string, text: string) => MarkdownDoc;
let parser: ParseMarkdown | undefined;

/**
 * The Markdown parser (remark and its ~60 modules) loads only when a file must be parsed; a
 * warm run takes every model from the cache. The engine prepares every Markdown file before
 * rules run, so this synchronous load (require of an ES module, Node >= 20.19) is a fallback.
 */
function parseMarkdown(path: string, text: string): MarkdownDoc {
  // In the bundle, esbuild bundles the plain `require` (the parser stays lazily initialised there).
  parser ??= (
    (bundled ? require("../docs/parse-markdown.js") : createRequire(import.meta.url)("../docs/parse-markdown.js")) as { parseMarkdown: ParseMarkdown }
  ).parseMarkdown;
  return parser(path, text);
}

/**
 * The Markdown parser runs at about 1 MB/s and slows down further on long single lines; no
 * map or doc an agent should read is this large, so such a file is skipped, with why.
 */
const MAX_MARKDOWN_CHARS = 1024 * 1024;

export function isMarkdown(path: string): boolean {
  return MARKDOWN.test(path);
}

/**
 * What every rule of one run shares: the repo, the config, and each Markdown file parsed
 * once. Rules ask here instead of reading or parsing on their own.
 */
export class Workspace {
  private readonly parsed = new Map<string, MarkdownDoc | undefined>();
  private mapList: string[] | undefined;
  private docList: string[] | undefined;
  private readonly memo = new Map<string, unknown>();
  private graph: Promise<ImportGraph> | undefined;
  private builder: ImportGraphBuilder | undefined;
  private perFile: FileMemo | undefined;
  /** The change this run reports on (`--staged`, `--since`, `--commit`); undefined for a whole-tree run. */
  change: ChangeContext | undefined;
  /** The repo's rule files (ruleDirs), loaded once by the engine; built-in rules may read them (guard/dead-glob). */
  ruleFiles: readonly RuleFile[] = [];
  /** Ids of the rules this run executes (after `--only` and severities), set by the engine; undefined outside it. */
  selectedRules: ReadonlySet<string> | undefined;

  constructor(
    readonly repo: Repo,
    readonly config: ResolvedConfig,
    /** How the import graph is built (the engine passes `--no-cache`; the pattern cache reads it too). */
    readonly graphOptions: ImportGraphOptions = {},
  ) {}

  /** The parsed Markdown file, or undefined when it is missing, binary or unreadable. */
  markdown(path: string): MarkdownDoc | undefined {
    if (!this.parsed.has(path)) {
      const text = this.parsableText(path);
      this.parsed.set(path, text === undefined ? undefined : parseMarkdown(path, text));
    }
    return this.parsed.get(path);
  }

  /**
   * Parses many Markdown files up front: from the content-hash cache when it has them, the
   * rest spread over worker threads. Rules then get every model without waiting.
   */
  async prepareMarkdown(paths: readonly string[], cache?: MarkdownCache): Promise<void> {
    const pending: { path: string; text: string; hash: string }[] = [];
    for (const path of paths) {
      if (this.parsed.has(path)) continue;
      const text = this.parsableText(path);
      if (text === undefined) {
        this.parsed.set(path, undefined);
        continue;
      }
      const hash = contentHash(text);
      const stored = cache?.get(hash);
      if (stored) this.parsed.set(path, { ...stored, path, text });
      else pending.push({ path, text, hash });
    }
    const models = await parseMany(pending);
    models.forEach((model, i) => {
      this.parsed.set(model.path, model);
      cache?.set(pending[i]!.hash, model);
    });
  }

  private parsableText(path: string): string | undefined {
    const text = this.repo.readText(path);
    if (text !== undefined && text.length > MAX_MARKDOWN_CHARS) {
      this.repo.skip(path, `Markdown over ${MAX_MARKDOWN_CHARS / 1024 / 1024} MiB, too large to parse`);
      return undefined;
    }
    return text;
  }

  /** Agent instruction files (AGENTS.md, CLAUDE.md, …) that `agents.maps` selects. */
  maps(): string[] {
    this.mapList ??= this.repo.glob(this.config.agents.maps);
    return this.mapList;
  }

  /** Markdown files under `docs.roots`. */
  docs(): string[] {
    this.docList ??= this.repo.files.filter((file) => isMarkdown(file) && this.inDocsRoot(file));
    return this.docList;
  }

  /** Every Markdown file in the repo. */
  markdownFiles(): string[] {
    return this.repo.files.filter(isMarkdown);
  }

  inDocsRoot(path: string): boolean {
    return this.docsRootMatcher()(path);
  }

  /** The import graph of the repo's code files, built once per run by the first rule that asks. */
  importGraph(): Promise<ImportGraph> {
    this.graph ??= this.graphBuilder().graph();
    return this.graph;
  }

  /** The import edges of a few files (unreadable ones left out), without building the whole graph. */
  importEdges(files: readonly string[]): Promise<Map<string, readonly ImportEdge[]>> {
    return this.graphBuilder().edgesOf(files);
  }

  /** The code files of the import graph (every .ts, .js, … of the repo), sorted. */
  codeFiles(): readonly string[] {
    return this.graphBuilder().files();
  }

  /** Whether a rule of this run used the import graph (whole or in part). */
  usedImportGraph(): boolean {
    return this.builder !== undefined;
  }

  /**
   * Per-file results kept between runs (see FileMemo), valid while guard's code, the config and
   * the resolution environment stay the same; undefined with `--no-cache`.
   */
  fileMemo(): FileMemo | undefined {
    if (this.graphOptions.cache === false) return undefined;
    this.perFile ??= new FileMemo(this.repo, packageVersion(), memoContext(this.config, this.graphBuilder().environment));
    return this.perFile;
  }

  /**
   * Starts building the import edges of the code files that changed since the file memo was
   * saved, when they are few (a warm run): their lexing then overlaps the rules' replay of
   * every other file. The engine calls it before the rules run, when a rule reads the graph.
   */
  prefetchChangedImports(): void {
    const memo = this.fileMemo();
    if (!memo) return;
    const changed = memo.changedFiles(this.codeFiles());
    // More, and this is no warm run: the edges are built when the rules ask, lexed on this thread.
    if (changed.length > 0 && changed.length <= THREAD_LEX_LIMIT) this.graphBuilder().prefetch(changed);
  }

  /** Writes what this run learned to the caches (import graph, file memo); call once rules ran. */
  saveCaches(): void {
    this.builder?.save();
    this.perFile?.save();
  }

  private graphBuilder(): ImportGraphBuilder {
    this.builder ??= new ImportGraphBuilder(this.repo, this.graphOptions);
    return this.builder;
  }

  /** The import graph if a rule built it this run; undefined when no rule needed it. */
  builtImportGraph(): Promise<ImportGraph> | undefined {
    return this.graph;
  }

  /** Computes a value once per run and shares it between rules (e.g. git history, scripts). */
  shared<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  private docsRootMatcher(): (path: string) => boolean {
    return this.shared("docs-root-matcher", () => {
      const globs = this.config.docs.roots.map((root) =>
        /[*?[\]{}]/.test(root) ? root : `${root.replace(/^\.\/|\/+$/g, "")}/**`,
      );
      return globMatcher(globs);
    });
  }
}
