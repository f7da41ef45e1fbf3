import type { Nodes, Root, RootContent } from "mdast";
import { cutCandidates, firstCutAfterFrontMatter, lineEndings } from "./cut-points.js";

/** One parsed stretch of a file: the root's children that belong to it, as parsed from `source`. */
export interface ParsedPart {
  /** The string the parser saw: the stretch, maybe with definitions added before or after it. */
  source: string;
  children: RootContent[];
  /** Add to a line of `source` to get the line in the whole file. */
  lineShift: number;
}

/**
 * Below this many characters a file is parsed whole. micromark copies its whole event list each
 * time a container (a list, a block quote) closes, so a file's cost grows with the number of
 * lists times its length: a 274 KB changelog of short lists took 4 s, twice its size 4x that.
 * Parsed in stretches of about this size, the cost is linear.
 */
export const PART_CHARS = 16 * 1024;

/** Consecutive cuts that failed to verify before the rest is parsed whole. */
const MAX_FAILED_CUTS = 3;

/**
 * Parses `text` in stretches cut at top-level block starts (a line after a blank line), giving
 * the same model as parsing it whole:
 * - a cut is kept only once verified: parsed with the stretch before it, the cut's line starts a
 *   child of the root at column 1, so nothing before it (a fence, an HTML block, a list or a
 *   quote) is still open there, and the parser starts afresh at that line;
 * - front-matter is never cut (it is front-matter only if it closes);
 * - link and footnote definitions hold for the whole file, so when any stretch has some, every
 *   other stretch is parsed again with the other stretches' labels defined beside it.
 */
export function parseInParts(text: string, parse: (source: string) => Root, partChars = PART_CHARS): ParsedPart[] {
  if (text.length <= partChars * 1.5) return [{ source: text, children: parse(text).children, lineShift: 0 }];
  const candidates = cutCandidates(text, firstCutAfterFrontMatter(text));
  const parts: Stretch[] = [];
  let start = 0;
  let shift = 0;
  let failed = 0;
  let after = 0; // a cut must lie beyond this offset: the ones before it failed
  for (let next = 0; ; ) {
    while (next < candidates.length && (candidates[next]! < start + partChars || candidates[next]! <= after)) next++;
    const cut = candidates[next];
    if (cut === undefined || failed >= MAX_FAILED_CUTS) {
      const source = text.slice(start);
      parts.push({ source, children: parse(source).children, lineShift: shift, ownLines: Infinity });
      break;
    }
    // The stretch and the cut's line: the line must parse as the start of a new root child.
    const lineEnd = text.indexOf("\n", cut);
    const source = text.slice(start, lineEnd < 0 ? text.length : lineEnd + 1);
    const tree = parse(source);
    const ownLines = lineEndings(text, start, cut);
    const last = tree.children[tree.children.length - 1];
    if (last?.position?.start.line === ownLines + 1 && last.position.start.column === 1) {
      parts.push({ source, children: tree.children.slice(0, -1), lineShift: shift, ownLines });
      shift += ownLines;
      start = cut;
      failed = 0;
    } else {
      failed++;
      after = cut;
    }
  }
  return parts.length > 1 ? withDefinitions(parts, parse) : parts;
}

/** A part as first parsed: `source` is its own lines, then (but for the last) the cut's line. */
interface Stretch extends ParsedPart {
  ownLines: number;
}

/** Link and footnote labels a part defines, as a line that defines each again (`[label]: #`). */
function definitionLines(part: ParsedPart): string[] {
  const lines: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "definition") lines.push(`[${node.identifier}]: #`);
    else if (node.type === "footnoteDefinition") lines.push(`[^${node.identifier}]: #`);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const child of part.children) visit(child);
  return lines;
}

/**
 * Parses each part again with the labels the other parts define, so a reference resolves as in
 * the whole file. The first part gets them after it (front-matter must stay first), the others
 * before: each part starts afresh (verified above), so a block of definitions and a blank line
 * before it change nothing else. Nodes outside the part's own lines are dropped.
 */
function withDefinitions(parts: Stretch[], parse: (source: string) => Root): ParsedPart[] {
  const defined = parts.map(definitionLines);
  if (defined.every((lines) => lines.length === 0)) return parts;
  return parts.map((part, i) => {
    const others = defined.flatMap((lines, j) => (j === i ? [] : lines));
    if (others.length === 0) return part;
    const block = `${others.join("\n")}\n`;
    if (i === 0) {
      const source = `${part.source}${part.source.endsWith("\n") ? "" : "\n"}\n${block}`;
      const children = parse(source).children.filter((child) => lineOf(child) <= part.ownLines);
      return { source, children, lineShift: part.lineShift };
    }
    const added = others.length + 1;
    const source = `${block}\n${part.source}`;
    const children = parse(source).children.filter((child) => lineOf(child) > added && lineOf(child) - added <= part.ownLines);
    return { source, children, lineShift: part.lineShift - added };
  });
}

function lineOf(node: RootContent): number {
  return node.position?.start.line ?? 0;
}
