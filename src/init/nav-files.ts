import { posix } from "node:path";
import type { NavFile } from "./types.js";

/** A docs-site navigation file, and the folder of pages it belongs to. */
export interface FoundNav extends NavFile {
  /** Where the site's pages live, repo-relative ("" is the root). */
  docsDir: string;
}

type ReadText = (path: string) => string | undefined;

const DOCUSAURUS = /^sidebars\.(?:js|cjs|mjs|ts|json)$/;
const VITEPRESS = /(?:^|\/)\.vitepress\/config\.(?:js|cjs|mjs|ts|cts|mts)$/;
const ASTRO = /^astro\.config\.(?:js|mjs|ts|mts)$/;
const SIDEBAR_JSON = /^sidebar[\w.-]*\.json$/;

/**
 * The navigation files of docs sites, by their well-known names (docs.nav `auto` reads the same
 * kinds). Files whose name is common (docs.json, meta.json, SUMMARY.md) count only when their
 * content or a sibling says which site they belong to. Nothing is executed: JS configs are only
 * named here.
 */
export function findNavFiles(files: readonly string[], readText: ReadText): FoundNav[] {
  const listed = new Set(files);
  const found: FoundNav[] = [];
  const add = (path: string, site: string, docsDir: string) => found.push({ path, site, docsDir: clean(docsDir) });
  for (const path of files) {
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const name = posix.basename(path);
    if (name === "mkdocs.yml" || name === "mkdocs.yaml") add(path, "MkDocs", posix.join(dir, mkdocsDocsDir(readText(path))));
    else if (name === "SUMMARY.md" && hasBookToml(dir, listed)) add(path, "mdBook", dir);
    else if (DOCUSAURUS.test(name)) add(path, "Docusaurus", posix.join(dir, "docs"));
    else if (VITEPRESS.test(path)) add(path, "VitePress", posix.dirname(dir));
    else if (ASTRO.test(name) && /starlight/.test(readText(path) ?? "")) add(path, "Starlight", posix.join(dir, "src/content/docs"));
    else if ((name === "docs.json" || name === "mint.json") && jsonHas(readText(path), "navigation")) add(path, "Mintlify", dir);
    else if (name === "_meta.json" && jsonObject(readText(path)) !== undefined) add(path, "Nextra", dir);
    else if (name === "meta.json" && Array.isArray(jsonObject(readText(path))?.pages)) add(path, "Fumadocs", dir);
    else if (SIDEBAR_JSON.test(name) && isJsonList(readText(path))) add(path, "sidebar", dir);
  }
  return found;
}

/** mkdocs.yml's `docs_dir` (default `docs`), read with a regex: mkdocs files use Python tags a YAML parser rejects. */
function mkdocsDocsDir(text: string | undefined): string {
  const match = /^docs_dir:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#.*)?$/m.exec(text ?? "");
  return match?.[1]?.trim() || "docs";
}

/** mdBook keeps book.toml beside its `src/` folder (or, with `src = "."`, beside SUMMARY.md). */
function hasBookToml(dir: string, listed: ReadonlySet<string>): boolean {
  const parent = posix.dirname(dir);
  return listed.has(posix.join(dir, "book.toml")) || (dir !== "" && listed.has(posix.join(parent === "." ? "" : parent, "book.toml")));
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A sidebar is a list of entries, or an object of named lists. */
function isJsonList(text: string | undefined): boolean {
  try {
    const value: unknown = JSON.parse(text ?? "");
    return Array.isArray(value) || (typeof value === "object" && value !== null && Object.values(value).some(Array.isArray));
  } catch {
    return false;
  }
}

function jsonHas(text: string | undefined, key: string): boolean {
  return jsonObject(text)?.[key] !== undefined;
}

function clean(dir: string): string {
  const normal = posix.normalize(dir).replace(/\/+$/, "");
  return normal === "." ? "" : normal;
}
