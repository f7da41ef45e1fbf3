import type { ResolvedConfig } from "../config/types.js";
import type { MarkdownDoc } from "../docs/model.js";
import { parseMarkdown } from "../docs/parse-markdown.js";
import { globMatcher } from "../repo/glob.js";
import type { Repo } from "../repo/repo.js";

const MARKDOWN = /\.(md|markdown)$/i;

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

  constructor(
    readonly repo: Repo,
    readonly config: ResolvedConfig,
  ) {}

  /** The parsed Markdown file, or undefined when it is missing, binary or unreadable. */
  markdown(path: string): MarkdownDoc | undefined {
    if (!this.parsed.has(path)) {
      const text = this.repo.readText(path);
      this.parsed.set(path, text === undefined ? undefined : parseMarkdown(path, text));
    }
    return this.parsed.get(path);
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
