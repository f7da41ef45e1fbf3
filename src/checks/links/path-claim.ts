/** How the sentence around a path in backticks speaks of it: as a fact, or as something to create, gone, or quoted. */

import type { InlineCode, MarkdownDoc } from "../../docs/model.js";

// A sentence ends at `. `, `! `, `? `, a blank line, or the start of a list item or heading.
const SENTENCE_END = /[.!?]\s|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)]|#{1,6})[ \t]/g;
const LONGEST = 400;

/** Start offset of each line of a doc's text, computed once per doc. */
const lineStarts = new WeakMap<MarkdownDoc, number[]>();

/**
 * The part of the sentence that comes before a position of the doc (1-based line and column),
 * at most a few hundred characters: what a rule reads to know how a doc speaks of a code span.
 */
export function sentenceBefore(doc: MarkdownDoc, line: number, column: number): string {
  const offset = offsetOf(doc, line, column);
  const window = doc.text.slice(Math.max(0, offset - LONGEST), offset);
  let start = 0;
  for (const end of window.matchAll(SENTENCE_END)) start = end.index + end[0].length;
  return window.slice(start);
}

/** The part of the sentence that comes after a position (the end of a code span, exclusive). */
export function sentenceAfter(doc: MarkdownDoc, line: number, column: number): string {
  const offset = offsetOf(doc, line, column);
  const window = doc.text.slice(offset, offset + LONGEST);
  SENTENCE_END.lastIndex = 0;
  const end = SENTENCE_END.exec(window);
  return end ? window.slice(0, end.index + 1) : window;
}

function offsetOf(doc: MarkdownDoc, line: number, column: number): number {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    for (let i = doc.text.indexOf("\n"); i !== -1; i = doc.text.indexOf("\n", i + 1)) starts.push(i + 1);
    lineStarts.set(doc, starts);
  }
  return (starts[line - 1] ?? doc.text.length) + column - 1;
}

// "Create a file at `x`", "the tarballs will be created in … (`x`)": a path the reader is to make.
const CREATE = /\b(?:creat|generat|scaffold)(?:e|es|ed|ing|s)?\b/i;
// "The `x` folder has been removed", "`x` was renamed": the doc says the path is gone.
const GONE = /^\W{0,3}(?:\s*\w+){0,2}?\s+(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+|now\s+)?(?:removed|deleted|dropped|renamed|moved|gone)|no\s+longer)\b/i;

/**
 * The sentence does not claim the path exists here: it tells the reader to create it (or says
 * a tool will), says it is gone, or the path is inside quoted speech (`"The type is in `x`."`,
 * an example of what a user might say).
 */
export function notAClaim(doc: MarkdownDoc, code: InlineCode): boolean {
  const before = sentenceBefore(doc, code.line, code.column);
  const quotes = before.split('"').length - 1;
  if (CREATE.test(before) || quotes % 2 === 1 || before.lastIndexOf("“") > before.lastIndexOf("”")) return true;
  return GONE.test(sentenceAfter(doc, code.endLine, code.endColumn));
}
