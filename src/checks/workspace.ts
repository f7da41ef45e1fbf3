import type { ResolvedConfig } from "../config/types.js";
import type { ChangeContext } from "../core/change.js";
import type { RuleFile } from "../config/rule-file-types.js";
import { hasChangelogName, isReleaseHistory, namesChangelog } from "../docs/changelog.js";
import type { MarkdownDoc } from "../docs/model.js";
import type { MarkdownCache } from "../docs/markdown-cache.js";
import { ImportGraphBuilder, type ImportGraphOptions } from "../graph/import-graph.js";
import { THREAD_LEX_LIMIT } from "../graph/lexer-client.js";
import type { ImportEdge, ImportGraph } from "../graph/types.js";
import { packageVersion } from "../core/package-root.js";
import { FileMemo } from "../repo/file-memo.js";
import { globMatcher } from "../repo/glob.js";
import type { Repo } from "../repo/repo.js";
import type { CatalogRule } from "./blocks/types.js";
import { MarkdownModels } from "./markdown-models.js";
import { memoContext } from "./memo-context.js";

const MARKDOWN = /\.(md|markdown)$/i;

const CHANGELOG_SKIPPED = "a CHANGELOG-like file: its Markdown is not parsed unless docs.roots or agents.maps names it";

export function isMarkdown(path: string): boolean {
  return MARKDOWN.test(path);
}

/**
 * What every rule of one run shares: the repo, the config, and each Markdown file parsed
 * once. Rules ask here instead of reading or parsing on their own.
 */
export class Workspace {
  private readonly models: MarkdownModels;
  private mapList: string[] | undefined;
  private docList: string[] | undefined;
  private readonly memo = new Map<string, unknown>();
  private graph: Promise<ImportGraph> | undefined;
  private builder: ImportGraphBuilder | undefined;
  private perFile: FileMemo | undefined;
  /** The change this run reports on (`--staged`, `--since`, `--commit`); undefined for a whole-tree run. */
  change: ChangeContext | undefined;
  /**
   * The files this run reports on when paths were given (`guard check <paths>`, an agent hook's
   * edited files); undefined for the whole tree. Findings outside are dropped by the engine, so
   * work done only for them (reading every file's suppressions) can be skipped.
   */
  reported: ((file: string) => boolean) | undefined;
  /** The repo's rule files (ruleDirs), loaded once by the engine; built-in rules may read them (guard/dead-glob). */
  ruleFiles: readonly RuleFile[] = [];
  /** Every rule with its severity in this repo (off ones included), set by the engine; the `rules` generated block lists it. */
  ruleCatalog: readonly CatalogRule[] = [];
  /** Ids of the rules this run executes (after `--only` and severities), set by the engine; undefined outside it. */
  selectedRules: ReadonlySet<string> | undefined;

  constructor(
    readonly repo: Repo,
    readonly config: ResolvedConfig,
    /** How the import graph is built (the engine passes `--no-cache`; the pattern cache reads it too). */
    readonly graphOptions: ImportGraphOptions = {},
  ) {
    this.models = new MarkdownModels(repo, (path) => (this.unparsedChangelog(path) ? CHANGELOG_SKIPPED : undefined));
  }

  /**
   * The parsed Markdown file, or undefined when it is missing, binary, too large or a CHANGELOG
   * not configured (then listed as skipped, with why: the rule asking would have read it).
   */
  markdown(path: string): MarkdownDoc | undefined {
    return this.models.get(path);
  }

  /**
   * Parses many Markdown files up front (the ones the selected rules declare, RuleMeta.markdown):
   * from the content-hash cache when it has them, the rest spread over worker threads. Files
   * parsed on demand later go through the same cache.
   */
  async prepareMarkdown(paths: Iterable<string>, cache?: MarkdownCache): Promise<void> {
    if (cache) this.models.useCache(cache);
    await this.models.prepare(paths);
  }

  /**
   * A release history (a CHANGELOG.md, HISTORY.md … that lists releases; src/docs/changelog.ts)
   * that no `docs.roots` or `agents.maps` pattern names explicitly: it is never parsed (its text
   * is only scanned for release headings). Following links, rules treat it as a leaf (it exists,
   * it is reached, it leads nowhere); a rule that checks it sees it skipped.
   */
  unparsedChangelog(path: string): boolean {
    if (!hasChangelogName(path)) return false;
    const known = this.shared("unparsed-changelogs", () => {
      const roots = this.config.docs.roots.filter(namesChangelog).flatMap(rootGlobs);
      return { configured: globMatcher([...roots, ...this.config.agents.maps.filter(namesChangelog)]), byPath: new Map<string, boolean>() };
    });
    let unparsed = known.byPath.get(path);
    if (unparsed === undefined) {
      unparsed = !known.configured(path) && isReleaseHistory(this.repo.readText(path) ?? "");
      known.byPath.set(path, unparsed);
    }
    return unparsed;
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
    return this.shared("docs-root-matcher", () => globMatcher(this.config.docs.roots.flatMap(rootGlobs)));
  }
}

/** A `docs.roots` entry as globs: a glob as written; a path, the folder's files (or the one file it names). */
function rootGlobs(root: string): string[] {
  if (/[*?[\]{}]/.test(root)) return [root];
  const clean = root.replace(/^\.\/|\/+$/g, "");
  return [`${clean}/**`, clean];
}
