import { createRequire } from "node:module";
import { bundled } from "../core/bundle.js";
import { contentHash, type MarkdownCache } from "../docs/markdown-cache.js";
import type { MarkdownDoc } from "../docs/model.js";
import { parseMany } from "../docs/parse-many.js";
import type { Repo } from "../repo/repo.js";

type ParseMarkdown = (path: string, text: string) => MarkdownDoc;
let parser: ParseMarkdown | undefined;

/**
 * The Markdown parser (remark and its ~60 modules) loads only when a file must be parsed; a
 * warm run takes every model from the cache. The engine prepares the files the rules declare
 * on worker threads; a file reached by following links is parsed here, on demand, through this
 * synchronous load (require of an ES module, Node >= 20.19).
 */
function parseMarkdown(path: string, text: string): MarkdownDoc {
  // In the bundle, esbuild bundles the plain `require` (the parser stays lazily initialised there).
  parser ??= (
    (bundled ? require("../docs/parse-markdown.js") : createRequire(import.meta.url)("../docs/parse-markdown.js")) as { parseMarkdown: ParseMarkdown }
  ).parseMarkdown;
  return parser(path, text);
}

/**
 * The parser takes linear time (parse-markdown.ts splits long files), at a few hundred KB a
 * second; no map or doc an agent should read is this large, so such a file is skipped, with why.
 */
const MAX_MARKDOWN_CHARS = 1024 * 1024;

/**
 * Each Markdown file's model, parsed at most once per run: taken from the content-hash cache
 * when it has it, else parsed (many at once on worker threads, or one on demand).
 */
export class MarkdownModels {
  private readonly parsed = new Map<string, MarkdownDoc | undefined>();
  private cache: MarkdownCache | undefined;

  /** `unparsed` says why a file must not be parsed at all (a CHANGELOG), or undefined. */
  constructor(
    private readonly repo: Repo,
    private readonly unparsed: (path: string) => string | undefined,
  ) {}

  /** Models found or parsed from now on go through this cache (the engine saves it after the rules ran). */
  useCache(cache: MarkdownCache): void {
    this.cache = cache;
  }

  /** The model, or undefined when the file is missing, binary, too large or not to be parsed (noted as skipped). */
  get(path: string): MarkdownDoc | undefined {
    if (!this.parsed.has(path)) this.parsed.set(path, this.parseNow(path));
    return this.parsed.get(path);
  }

  /**
   * Parses many files up front: from the cache when it has them, the rest spread over worker
   * threads. Files not to be parsed are left for `get`, which notes why if a rule asks.
   */
  async prepare(paths: Iterable<string>): Promise<void> {
    const pending: { path: string; text: string; hash: string }[] = [];
    for (const path of paths) {
      if (this.parsed.has(path) || this.unparsed(path) !== undefined) continue;
      const text = this.parsableText(path);
      if (text === undefined) {
        this.parsed.set(path, undefined);
        continue;
      }
      const hash = contentHash(text);
      const stored = this.cache?.get(hash);
      if (stored) this.parsed.set(path, { ...stored, path, text });
      else pending.push({ path, text, hash });
    }
    const models = await parseMany(pending);
    models.forEach((model, i) => {
      this.parsed.set(model.path, model);
      this.cache?.set(pending[i]!.hash, model);
    });
  }

  private parseNow(path: string): MarkdownDoc | undefined {
    const reason = this.unparsed(path);
    if (reason !== undefined) {
      this.repo.note(path, reason);
      return undefined;
    }
    const text = this.parsableText(path);
    if (text === undefined) return undefined;
    const hash = contentHash(text);
    const stored = this.cache?.get(hash);
    if (stored) return { ...stored, path, text };
    const model = parseMarkdown(path, text);
    this.cache?.set(hash, model);
    return model;
  }

  private parsableText(path: string): string | undefined {
    const text = this.repo.readText(path);
    if (text !== undefined && text.length > MAX_MARKDOWN_CHARS) {
      this.repo.skip(path, `Markdown over ${MAX_MARKDOWN_CHARS / 1024 / 1024} MiB, too large to parse`);
      return undefined;
    }
    return text;
  }
}
