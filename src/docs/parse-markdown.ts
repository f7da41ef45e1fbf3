import GithubSlugger from "github-slugger";
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import { countLines } from "../core/lines.js";
import type { MarkdownDoc, Span } from "./model.js";
import { parseInParts, PART_CHARS } from "./parse-parts.js";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

/**
 * Parses one Markdown file into the model the rules read. Never throws on odd input. A long
 * file is parsed in stretches (parse-parts.ts) in linear time, with the same model as whole;
 * `partChars` sets their size (tests make it small to compare both).
 */
export function parseMarkdown(path: string, text: string, partChars = PART_CHARS): MarkdownDoc {
  const doc: MarkdownDoc = {
    path,
    text,
    lineCount: countLines(text),
    bytes: Buffer.byteLength(text, "utf8"),
    frontMatter: undefined,
    headings: [],
    links: [],
    inlineCode: [],
    codeBlocks: [],
    comments: [],
    paragraphs: [],
  };
  const slugger = new GithubSlugger(); // one for the whole file: duplicate headings get -1, -2 …
  for (const part of parseInParts(text, (source) => processor.parse(source) as Root, partChars)) {
    const visit = visitor(doc, slugger, part.source, part.lineShift);
    for (const child of part.children) visit(child);
  }
  return doc;
}

/** Adds what `node` and its descendants hold to `doc`; lines of `source` are shifted by `lineShift`. */
function visitor(doc: MarkdownDoc, slugger: GithubSlugger, source: string, lineShift: number): (node: Nodes) => void {
  const visit = (node: Nodes) => {
    const span = spanOf(node, lineShift);
    switch (node.type) {
      case "yaml":
        doc.frontMatter = { ...span, raw: node.value, ...parseFrontMatter(node.value) };
        return;
      case "heading": {
        const headingText = toString(node);
        doc.headings.push({ ...span, depth: node.depth, text: headingText, slug: slugger.slug(headingText) });
        break;
      }
      case "link": {
        const linkText = toString(node);
        // `[docs/a.md](docs/a.md)` has text === url too; only `<…>` and bare URLs are autolinks.
        const bracketed = source[node.position?.start.offset ?? -1] === "[";
        const auto = !bracketed && (linkText === node.url || `mailto:${linkText}` === node.url || `http://${linkText}` === node.url);
        doc.links.push({ ...span, kind: auto ? "autolink" : "link", url: node.url, text: linkText });
        break;
      }
      case "image":
        doc.links.push({ ...span, kind: "image", url: node.url, text: node.alt ?? "" });
        return;
      case "definition":
        doc.links.push({ ...span, kind: "definition", url: node.url, text: node.label ?? node.identifier });
        return;
      case "inlineCode":
        doc.inlineCode.push({ ...span, value: node.value });
        return;
      case "code":
        doc.codeBlocks.push({ ...span, lang: node.lang ?? undefined, value: node.value, contentLine: span.line + 1 });
        return;
      case "html":
        for (const comment of htmlComments(node.value, span)) doc.comments.push(comment);
        return;
      case "paragraph":
        doc.paragraphs.push({ ...span, text: toString(node) });
        break;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  return visit;
}

function spanOf(node: Nodes, lineShift: number): Span {
  // Nodes a transform made (GFM's literal autolinks) have no position: 1:1, wherever they stand.
  if (!node.position) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const { start, end } = node.position;
  return { line: start.line + lineShift, column: start.column, endLine: end.line + lineShift, endColumn: end.column };
}

function parseFrontMatter(raw: string): { data: Record<string, unknown> | undefined; error: string | undefined } {
  try {
    const data: unknown = parseYaml(raw);
    if (data === null || data === undefined) return { data: {}, error: undefined };
    if (typeof data !== "object" || Array.isArray(data)) return { data: undefined, error: "front-matter is not a mapping of keys" };
    return { data: data as Record<string, unknown>, error: undefined };
  } catch (error) {
    return { data: undefined, error: (error as Error).message.split("\n")[0] };
  }
}

/** HTML comments inside an html node, each with its own line (a node may hold several). */
function htmlComments(value: string, span: Span): { value: string; line: number; column: number; endLine: number; endColumn: number }[] {
  const comments = [];
  const pattern = /<!--([\s\S]*?)-->/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const before = value.slice(0, match.index);
    const line = span.line + (before.match(/\n/g)?.length ?? 0);
    const column = before.includes("\n") ? before.length - before.lastIndexOf("\n") : span.column + before.length;
    const endLine = line + (match[0].match(/\n/g)?.length ?? 0);
    const lastBreak = match[0].lastIndexOf("\n");
    const endColumn = lastBreak < 0 ? column + match[0].length : match[0].length - lastBreak;
    comments.push({ value: match[1]!.trim(), line, column, endLine, endColumn });
  }
  return comments;
}
