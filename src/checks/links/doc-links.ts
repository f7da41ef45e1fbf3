import { scanMdx } from "../../docs/mdx-scan.js";
import type { Link, MarkdownDoc } from "../../docs/model.js";
import type { Workspace } from "../workspace.js";
import { folderIndexes, folderOf, isMarkdownLike } from "./folder-pages.js";
import { sitePage } from "./site-pages.js";
import { siteRoutePage } from "./site-routes.js";
import { linkTarget } from "./target.js";

// Several rules import these from here.
export { folderIndexes, folderOf, isMarkdownLike } from "./folder-pages.js";

/** A repo file or folder that a Markdown file points to, and where it does. */
export interface DocLink {
  path: string;
  directory: boolean;
  kind: Link["kind"] | "inline-code" | "import" | "html";
  line: number;
  column: number;
}

const MDX = /\.mdx$/i;

// `<a href="…">` in inline or block HTML: GitHub renders these as links too. (Any `href=`:
// looking back for the `<a` costs quadratic time on hostile input and changes nothing real.)
const HTML_HREF = /\bhref\s*=\s*["']([^"'\n]{1,2000})["']/gi;
// `@path/to/file.md` imports (Claude Code, Gemini CLI) load the file, so they lead to it.
const AT_IMPORT = /(?:^|\s)@((?:\.{0,2}\/)?[\w.\-/]{1,500}\.(?:md|markdown))\b/gim;
// `import Note from './_note.md';` in MDX (Docusaurus partials): the page shows the imported file.
const MDX_IMPORT = /^import\s[^'"\n]{0,500}?\sfrom\s+['"](\.{1,2}\/[^'"\n]{1,500}\.mdx?)['"]/gm;
// Inline code that is nothing but a path to a Markdown file (`docs/testing.md`).
const MARKDOWN_PATH = /^(?:\.{0,2}\/)?[\w.\-/@+]+\.(?:md|markdown)$/i;
// Inline code that may name a folder (`docs/`, `docs`, `packages/core`): "the docs are in `docs/`".
const FOLDER_PATH = /^(?:\.{0,2}\/)?\.?[\w@+-][\w.\-@+]*(?:\/[\w.\-@+]+)*\/?$/;

/**
 * The repo path a link destination names (see linkTarget: relative to `fromFile`'s folder, a
 * leading `/` is the repo root, anchor and query dropped, decoded). Undefined for external URLs,
 * same-file anchors and paths that climb out of the repository.
 */
export function resolveDocLink(fromFile: string, url: string): string | undefined {
  const target = linkTarget(fromFile, url);
  return target.kind === "path" ? target.path : undefined;
}


/**
 * Every existing repo file or folder `file` points to: Markdown links, reference definitions,
 * `<a href>`, `@imports`, MDX `import … from './part.md'`, and inline code that is exactly a path
 * to a Markdown file or to a folder. Computed once per file and run.
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
  const doc = linkSource(workspace, file);
  if (!doc) return [];
  const { repo } = workspace;
  const found: DocLink[] = [];
  const add = (path: string | undefined, kind: DocLink["kind"], line: number, column: number) => {
    if (path === undefined) return false;
    if (repo.hasFile(path)) found.push({ path, directory: false, kind, line, column });
    else if (path === "" || repo.hasDirectory(path)) found.push({ path, directory: true, kind, line, column });
    else {
      // `guide/cli` and `guide/cli.html` are how site generators link `guide/cli.md`.
      const page = sitePage(workspace, path) ?? siteRoutePage(workspace, path);
      if (page === undefined) return false;
      found.push({ path: page, directory: false, kind, line, column });
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
  // A folder named in inline code leads to its index, as a link to it does (never to other files: a
  // mentioned `package.json` is no link to follow or to couple the doc to).
  const addFolder = (path: string | undefined, line: number, column: number) => {
    if (path === undefined || path === "" || !repo.hasDirectory(path)) return false;
    found.push({ path, directory: true, kind: "inline-code", line, column });
    return true;
  };
  // Most inline code is a word (`true`, `npm`): only one whose first folder exists is resolved.
  const folder = folderOf(file);
  const mayNameFolder = (value: string) => {
    if (value.startsWith(".")) return true;
    const path = value.replace(/^\/+/, "");
    const slash = path.indexOf("/");
    const first = slash < 0 ? path : path.slice(0, slash);
    return repo.hasDirectory(first) || (folder !== "" && repo.hasDirectory(`${folder}/${first}`));
  };
  for (const code of doc.inlineCode) {
    const value = code.value.trim();
    const markdown = MARKDOWN_PATH.test(value);
    if (!markdown && !FOLDER_PATH.test(value)) continue;
    // Prose paths are written relative to the file or, as agents usually do, to the repo root.
    const rooted = `/${value.replace(/^\.\//, "")}`;
    if (markdown) {
      if (!add(resolveDocLink(file, value), "inline-code", code.line, code.column)) add(resolveDocLink(file, rooted), "inline-code", code.line, code.column);
    } else if (mayNameFolder(value)) {
      if (!addFolder(resolveDocLink(file, value), code.line, code.column)) addFolder(resolveDocLink(file, rooted), code.line, code.column);
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
  if (doc.text.includes("import")) {
    const lineAt = lineCounter(doc.text);
    for (const match of doc.text.matchAll(MDX_IMPORT)) add(resolveDocLink(file, match[1]!), "import", lineAt(match.index), 1);
  }
  return found;
}

/**
 * The links, inline code and text of a Markdown file, or of an MDX page scanned without the
 * parser (MDX pages are only followed, never reported on).
 */
export function linkSource(workspace: Workspace, file: string): Pick<MarkdownDoc, "links" | "inlineCode" | "text"> | undefined {
  if (!MDX.test(file)) return workspace.markdown(file);
  return workspace.shared(`mdx-scan:${file}`, () => {
    const text = workspace.repo.readText(file);
    return text === undefined ? undefined : scanMdx(file, text);
  });
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
