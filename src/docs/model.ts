/** What guard knows about one Markdown file: the parts the agents/* and docs/* rules read. */

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Heading extends Span {
  depth: number;
  text: string;
  /** GitHub's anchor for it; duplicates get `-1`, `-2`… */
  slug: string;
}

export type LinkKind = "link" | "image" | "definition" | "autolink";

export interface Link extends Span {
  kind: LinkKind;
  /** The destination as written (may be URL-encoded, may carry `#anchor`). */
  url: string;
  /** The visible text (or alt text). */
  text: string;
}

export interface InlineCode extends Span {
  value: string;
}

export interface CodeBlock extends Span {
  lang: string | undefined;
  value: string;
  /** Line of the first content line (after the opening fence). */
  contentLine: number;
}

export interface Comment extends Span {
  value: string;
}

export interface Paragraph extends Span {
  /** Plain text of the paragraph (Markdown syntax removed). */
  text: string;
}

export interface FrontMatter extends Span {
  raw: string;
  /** The parsed mapping; undefined when the YAML is invalid (then `error` says why). */
  data: Record<string, unknown> | undefined;
  error: string | undefined;
}

export interface MarkdownDoc {
  path: string;
  text: string;
  /** Number of lines, as an editor counts them (a trailing newline does not add one). */
  lineCount: number;
  bytes: number;
  frontMatter: FrontMatter | undefined;
  headings: Heading[];
  links: Link[];
  inlineCode: InlineCode[];
  codeBlocks: CodeBlock[];
  comments: Comment[];
  paragraphs: Paragraph[];
}
