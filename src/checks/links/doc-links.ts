import { posix } from "node:path";
import type { Link } from "../../docs/model.js";
import type { Workspace } from "../workspace.js";
import { linkTarget } from "./target.js";

/** A repo file or folder that a Markdown file points to, and where it does. */
export interface DocLink {
  path: string;
  directory: boolean;
  kind: Link["kind"] | "inline-code" | "import" | "html";
  line: number;
  column: number;
}

const INDEX_NAMES = ["index.md", "README.md", "readme.md", "Readme.md", "index.markdown", "README.markdown", "index.mdx", "README.mdx"];
// MDX pages (docs sites) are read and followed like Markdown, though no rule reports on them.
const MARKDOWN_LIKE = /\.(md|markdown|mdx)$/i;
// Site generators (VitePress, Docusaurus, Starlight) let links leave out the extension.
const IMPLIED_EXTENSIONS = [".md", ".mdx"];

// `<a href="…">` in inline or block HTML: GitHub renders these as links too. (Any `href=`:
// looking back for the `<a` costs quadratic time on hostile input and changes nothing real.)
const HTML_HREF = /\bhref\s*=\s*["']([^"'\n]{1,2000})["']/gi;
// `@path/to/file.md` imports (Claude Code, Gemini CLI) load the file, so they lead to it.
const AT_IMPORT = /(?:^|\s)@((?:\.{0,2}\/)?[\w.\-/]{1,500}\.(?:md|markdown))\b/gim;
// Inline code that is nothing but a path to a Markdown file (`docs/testing.md`).
const MARKDOWN_PATH = /^(?:\.{0,2}\/)?[\w.\-/@+]+\.(?:md|markdown)$/i;

/**
 * The repo path a link destination names (see linkTarget: relative to `fromFile`'s folder, a
 * leading `/` is the repo root, anchor and query dropped, decoded). Undefined for external URLs,
 * same-file anchors and paths that climb out of the repository.
 */
export function resolveDocLink(fromFile: string, url: string): string | undefined {
  const target = linkTarget(fromFile, url);
  return target.kind === "path" ? target.path : undefined;
}

export function isMarkdownLike(path: string): boolean {
  return MARKDOWN_LIKE.test(path);
}

/**
 * Every existing repo file or folder `file` points to: Markdown links, reference definitions,
 * `<a href>`, `@imports`, and inline code that is exactly a path to a Markdown file. Computed once
 * per file and run.
 */
export function docLinks(workspace: Workspace, file: string): DocLink[] {
  const cache = workspace.shared("doc-links", () => new Map<string, DocLink[]>());
  let links = cache.get(file);
  if (!links) cache.set(file, (links = collectLinks(workspace, file)));
  return links;
}

function collectLinks(workspace: Workspace, file: string): DocLink[] {
  // A release history is a leaf: reached like any file, never parsed for links of its own.
  if (workspace.unparsedChangelog(file)) return [];
  const doc = workspace.markdown(file);
  if (!doc) return [];
  const { repo } = workspace;
  const found: DocLink[] = [];
  const add = (path: string | undefined, kind: DocLink["kind"], line: number, column: number) => {
    if (path === undefined) return false;
    if (repo.hasFile(path)) found.push({ path, directory: false, kind, line, column });
    else if (path === "" || repo.hasDirectory(path)) found.push({ path, directory: true, kind, line, column });
    else {
      // `guide/cli` and `guide/cli.html` are how site generators link `guide/cli.md`.
      const stem = path.replace(/\.html$/, "");
      const implied = IMPLIED_EXTENSIONS.map((extension) => stem + extension).find((file) => repo.hasFile(file));
      if (implied === undefined) return false;
      found.push({ path: implied, directory: false, kind, line, column });
    }
    return true;
  };
  const siteRoot = siteRootOf(workspace, file);
  const addUrl = (url: string, kind: DocLink["kind"], line: number, column: number) => {
    if (add(resolveDocLink(file, url), kind, line, column)) return;
    // A docs site (VitePress, Docusaurus) serves its docs root at `/`: `/guide/cli` is docs/guide/cli.md.
    const trimmed = url.trim();
    if (siteRoot !== undefined && trimmed.startsWith("/") && !trimmed.startsWith("//")) {
      add(resolveDocLink(`${siteRoot}/index.md`, trimmed.replace(/^\/+/, "")), kind, line, column);
    }
  };
  for (const link of doc.links) addUrl(link.url, link.kind, link.line, link.column);
  for (const code of doc.inlineCode) {
    const value = code.value.trim();
    if (!MARKDOWN_PATH.test(value)) continue;
    // Prose paths are written relative to the file or, as agents usually do, to the repo root.
    if (!add(resolveDocLink(file, value), "inline-code", code.line, code.column)) {
      add(resolveDocLink(file, `/${value.replace(/^\.\//, "")}`), "inline-code", code.line, code.column);
    }
  }
  if (doc.text.includes("href")) {
    const lineAt = lineCounter(doc.text);
    for (const match of doc.text.matchAll(HTML_HREF)) addUrl(match[1]!, "html", lineAt(match.index), 1);
  }
  if (doc.text.includes("@")) {
    const lineAt = lineCounter(doc.text);
    for (const match of doc.text.matchAll(AT_IMPORT)) add(resolveDocLink(file, match[1]!), "import", lineAt(match.index), 1);
  }
  return found;
}

/** The docs root folder (`docs.roots`, not a glob) that holds `file`, if any. */
function siteRootOf(workspace: Workspace, file: string): string | undefined {
  return workspace.config.docs.roots
    .map((root) => root.replace(/^\.\/|\/+$/g, ""))
    .find((root) => !/[*?[\]{}]/.test(root) && file.startsWith(`${root}/`));
}

/** Line numbers for increasing offsets into `text`, counted once overall rather than per call. */
function lineCounter(text: string): (index: number) => number {
  let line = 1;
  let next = text.indexOf("\n");
  return (index) => {
    while (next >= 0 && next < index) {
      line++;
      next = text.indexOf("\n", next + 1);
    }
    return line;
  };
}

/** The index files of each folder that has any (index.md first, then README.md), built once per run. */
export function folderIndexes(workspace: Workspace): Map<string, string[]> {
  return workspace.shared("doc-folder-indexes", () => {
    const byFolder = new Map<string, string[]>();
    for (const file of workspace.repo.files) {
      if (!isMarkdownLike(file)) continue;
      const rank = INDEX_NAMES.indexOf(posix.basename(file));
      if (rank < 0) continue;
      const folder = folderOf(file);
      const list = byFolder.get(folder) ?? [];
      list.push(file);
      byFolder.set(folder, list);
    }
    for (const list of byFolder.values()) list.sort((a, b) => INDEX_NAMES.indexOf(posix.basename(a)) - INDEX_NAMES.indexOf(posix.basename(b)));
    return byFolder;
  });
}

/** The Markdown files `file` leads a reader to: linked files, and the index files of linked folders. */
export function linkedMarkdown(workspace: Workspace, file: string): string[] {
  const indexes = folderIndexes(workspace);
  const targets: string[] = [];
  for (const link of docLinks(workspace, file)) {
    if (!link.directory) {
      if (isMarkdownLike(link.path)) targets.push(link.path);
    } else {
      for (const index of indexes.get(link.path) ?? []) targets.push(index);
    }
  }
  return targets;
}

/** The folder of a repo path, "" for the root. */
export function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
