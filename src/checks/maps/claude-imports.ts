import { posix } from "node:path";
import type { MarkdownDoc, Span } from "../../docs/model.js";

/** An `@path` import as written in a CLAUDE.md / GEMINI.md (or a file they import). */
export interface ImportRef {
  /** The path after `@`, without trailing punctuation or `#fragment`. */
  path: string;
  line: number;
  column: number;
  endColumn: number;
}

// Claude Code's own pattern: `@` at the start of a text run or after whitespace, up to the next
// whitespace (`\ ` escapes a space). Emails (a@b.com) never match: `@` follows a letter there.
const IMPORT = /(?<=^|\s)@((?:[^\s\\]|\\ )+)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"*_`]+$/;
const MASK = "\u0001";
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/**
 * The `@path` imports of a Markdown file, outside code spans, code blocks and HTML comments
 * (Claude Code does not evaluate imports in code, so `@scope/pkg` in backticks is safe).
 */
export function importsOf(doc: MarkdownDoc): ImportRef[] {
  const lineStarts = lineStartsOf(doc.text);
  const withoutCode = maskSpans(doc.text, lineStarts, [...doc.inlineCode, ...doc.codeBlocks]);
  const text = withoutCode.replace(HTML_COMMENT, (comment) => comment.replace(/[^\r\n]/g, MASK));
  const refs: ImportRef[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const written = match[1]!;
    const path = written.replace(/\\ /g, " ").replace(/#.*$/, "").replace(TRAILING_PUNCTUATION, "");
    if (path === "" || path === "/") continue;
    const offset = match.index;
    const line = lineOf(lineStarts, offset);
    const column = offset - lineStarts[line - 1]! + 1;
    refs.push({ path, line, column, endColumn: column + 1 + written.length });
  }
  return refs;
}

/** Text files Claude Code imports; an `@word.ext` with another extension is prose (`@john.doe`). */
const TEXT_EXTENSIONS = new Set(
  ("md mdx markdown txt rst adoc json jsonc json5 yaml yml toml ini cfg conf env xml csv html css scss " +
    "ts tsx mts cts js jsx mjs cjs py rb go rs java kt swift c h cc cpp hpp cs php sh bash zsh sql graphql proto")
    .split(" "),
);

export type ImportTarget =
  | { kind: "repo"; path: string }
  /** `@~/…`, an absolute path outside the repo, or a path that climbs out of it: not ours to judge. */
  | { kind: "outside" }
  /** Prose that only looks like an import: `@mention`, `@scope/package`, `@john.doe`. */
  | { kind: "not-a-path" };

/**
 * Where an import points, relative to the importing file's folder (as Claude Code resolves it).
 * `root` is the repo's absolute path, for imports written as absolute paths.
 */
export function importTarget(fromFile: string, path: string, root: string): ImportTarget {
  if (path.startsWith("~")) return { kind: "outside" };
  if (path.startsWith("/")) {
    const rootPrefix = `${root.replace(/\\/g, "/").replace(/\/+$/, "")}/`;
    return path.startsWith(rootPrefix) ? { kind: "repo", path: posix.normalize(path.slice(rootPrefix.length)) } : { kind: "outside" };
  }
  const explicit = path.startsWith("./") || path.startsWith("../");
  const extension = posix.extname(path).slice(1).toLowerCase();
  if (!explicit && !TEXT_EXTENSIONS.has(extension)) return { kind: "not-a-path" };
  const resolved = posix.normalize(posix.join(posix.dirname(fromFile), path));
  if (resolved === ".." || resolved.startsWith("../")) return { kind: "outside" };
  return { kind: "repo", path: resolved.replace(/\/+$/, "") };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Replaces each span's characters (not its line breaks) so nothing inside it can match. */
function maskSpans(text: string, lineStarts: number[], spans: Span[]): string {
  const offsetOf = (line: number, column: number) => (lineStarts[line - 1] ?? text.length) + column - 1;
  const ranges = spans.map((span) => [offsetOf(span.line, span.column), offsetOf(span.endLine, span.endColumn)] as const);
  ranges.sort((a, b) => a[0] - b[0]);
  let masked = "";
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    masked += text.slice(cursor, from) + text.slice(from, end).replace(/[^\r\n]/g, MASK);
    cursor = end;
  }
  return masked + text.slice(cursor);
}
