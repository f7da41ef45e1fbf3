import type { InlineCode, Link } from "./model.js";

/** What reachability reads of an MDX page: its links and inline code, found without parsing it. */
export interface ScannedPage {
  path: string;
  text: string;
  links: Link[];
  inlineCode: InlineCode[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `[text](target)`, `![alt](target)`; the target ends at whitespace or `)`.
const INLINE_LINK = /\]\(\s*<?([^)\s>]{1,2000})/g;
const DEFINITION = /^ {0,3}\[[^\]\n]{1,500}\]:[ \t]*<?([^\s>]{1,2000})/;
const CODE_SPAN = /`([^`\n]{1,500})`/g;

/**
 * The links and inline code of an MDX page, line by line, fenced code left out. MDX pages are
 * only followed, never reported on, so a scan that stays linear and never loads the Markdown
 * parser is enough: a link it misreads can only make a page reached, not an orphan.
 */
export function scanMdx(path: string, text: string): ScannedPage {
  const links: Link[] = [];
  const inlineCode: InlineCode[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, index) => {
    const opening = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      return;
    }
    if (opening !== undefined) {
      fence = opening;
      return;
    }
    const at = (column: number, length: number) => ({ line: index + 1, column: column + 1, endLine: index + 1, endColumn: column + 1 + length });
    for (const match of line.matchAll(INLINE_LINK)) links.push({ kind: "link", url: match[1]!, text: "", ...at(match.index, match[0].length) });
    const definition = DEFINITION.exec(line);
    if (definition) links.push({ kind: "definition", url: definition[1]!, text: "", ...at(0, definition[0].length) });
    for (const match of line.matchAll(CODE_SPAN)) inlineCode.push({ value: match[1]!, ...at(match.index, match[0].length) });
  });
  return { path, text, links, inlineCode };
}
