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
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const DIRECTIVE = /^guard-ignore(-file)?(?:\s+([\s\S]*))?$/;
/** `--` starts the reason; a trailing `--` with nothing after it is an empty reason. */
const REASON_SEPARATOR = /(?:^|\s)--/;

/** Suppression comments of a parsed Markdown file. HTML comments in code blocks are not comments. */
export function suppressionsOf(doc: MarkdownDoc): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of doc.comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const body = match[2] ?? "";
    const separator = REASON_SEPARATOR.exec(body);
    const rulesPart = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length) : "";
    found.push({
      file: doc.path,
      rules: rulesPart.split(/[\s,]+/).filter(Boolean),
      reason: reason.trim(),
      wholeFile: match[1] !== undefined,
      directive: `guard-ignore${match[1] ?? ""}`,
      line: comment.line,
      column: comment.column,
      endLine: comment.endLine,
      endColumn: comment.endColumn,
    });
  }
  return found;
}
