import type { MarkdownDoc } from "../../docs/model.js";

/**
 * `<!-- guard-ignore <rule>[, <rule>…] -- <reason> -->` in Markdown silences those rules on the
 * comment's own lines and the line after it; `guard-ignore-file` silences them in the whole file.
 * Parsed here (below the engine) so the engine applies them and guard/suppression checks them.
 */
export interface Suppression {
  file: string;
  rules: string[];
  reason: string;
  wholeFile: boolean;
  /** `guard-ignore` or `guard-ignore-file`, as written. */
  directive: string;
  /** How a comment is written in this file, for fix texts: `<!-- … -->`, `// …` or `# …`. */
  syntax: CommentSyntax;
  /** The lines whose findings it silences (unless wholeFile): its own, and the next one unless it trails code. */
  silences: { from: number; to: number };
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type CommentSyntax = "html" | "slash" | "hash";

/** What a comment's text says when it is a directive; undefined when it is an ordinary comment. */
export interface Directive {
  directive: string;
  wholeFile: boolean;
  rules: string[];
  reason: string;
}

const DIRECTIVE = /^guard-ignore(-file)?(?:\s+([\s\S]*))?$/;
/** `--` starts the reason; a trailing `--` with nothing after it is an empty reason. */
const REASON_SEPARATOR = /(?:^|\s)--/;

/** Suppression comments of a parsed Markdown file. HTML comments in code blocks are not comments. */
export function suppressionsOf(doc: MarkdownDoc): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of doc.comments) {
    const directive = parseDirective(comment.value);
    if (!directive) continue;
    found.push({
      file: doc.path,
      ...directive,
      syntax: "html",
      silences: { from: comment.line, to: comment.endLine + 1 },
      line: comment.line,
      column: comment.column,
      endLine: comment.endLine,
      endColumn: comment.endColumn,
    });
  }
  return found;
}

/** `guard-ignore a/b, c/d -- why` (the comment's text, delimiters removed) → its parts. */
export function parseDirective(text: string): Directive | undefined {
  const match = DIRECTIVE.exec(text.trim());
  if (!match) return undefined;
  const body = match[2] ?? "";
  const separator = REASON_SEPARATOR.exec(body);
  const rulesPart = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length) : "";
  return {
    directive: `guard-ignore${match[1] ?? ""}`,
    wholeFile: match[1] !== undefined,
    rules: rulesPart.split(/[\s,]+/).filter(Boolean),
    reason: reason.trim(),
  };
}
