import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleHash } from "../core/bundle.js";
import { cacheFolder } from "../repo/cache-files.js";
import type { MarkdownDoc } from "./model.js";

/** Bump when the model or the parser changes shape, so old cache entries are never reused. */
const MODEL_VERSION = 1;

/** The modules whose code decides what a model holds. */
const PARSER_FILES = ["parse-markdown.js", "parse-parts.js", "cut-points.js"];

/** A parsed model without what the caller already has (its path and text). */
export type StoredDoc = Omit<MarkdownDoc, "path" | "text">;

/**
 * Changes whenever the parser's own code does (not only on releases), so a cache written by
 * another build of guard is never read as current.
 */
function parserStamp(): string {
  // In the bundle the parser is inside the bundle file: any change to it then invalidates.
  const bundle = bundleHash();
  if (bundle) return contentHash(`${MODEL_VERSION}\nbundle ${bundle}`).slice(0, 12);
  let source = "";
  for (const name of PARSER_FILES) {
    try {
      source += readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8");
    } catch {
      // Running from an unusual layout: fall back to the model version and what was read.
    }
  }
  return contentHash(`${MODEL_VERSION}\n${source}`).slice(0, 12);
}

export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/**
 * Parsed Markdown models keyed by content hash, in one file in the cache folder
 * (`node_modules/.cache/guard/`, else `guard-cache/` in the git dir: see cacheHome). Entries
 * not used by a run are dropped when it saves, so the file stays small.
 */
export class MarkdownCache {
  private readonly file: string | undefined;
  private stored = new Map<string, StoredDoc>();
  private readonly used = new Map<string, StoredDoc>();
  private dirty = false;

  constructor(root: string, toolVersion: string, enabled = true) {
    const folder = cacheFolder(root, enabled);
    this.file = folder === undefined ? undefined : join(folder, `markdown-${toolVersion}-${parserStamp()}.json`);
    if (!this.file) return;
    try {
      const entries = JSON.parse(readFileSync(this.file, "utf8")) as [string, StoredDoc][];
      this.stored = new Map(entries);
    } catch {
      // No cache yet, or a damaged one: start empty, it is only a cache.
    }
  }

  get(hash: string): StoredDoc | undefined {
    const doc = this.stored.get(hash) ?? this.used.get(hash);
    if (doc) this.used.set(hash, doc);
    return doc;
  }

  set(hash: string, doc: MarkdownDoc): void {
    const { path: _path, text: _text, ...stored } = doc;
    this.used.set(hash, stored);
    this.dirty = true;
  }

  /** Writes atomically (temp file + rename); a failure to write is not the user's problem. */
  save(): void {
    if (!this.file || (!this.dirty && this.used.size === this.stored.size)) return;
    try {
      mkdirSync(join(this.file, ".."), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify([...this.used]));
      renameSync(temp, this.file);
    } catch {
      // A read-only cache folder, full disk: the next run parses again.
    }
  }
}
