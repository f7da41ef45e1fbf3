import { emptyReading, isExternal, type NavReading } from "./types.js";

// `[Title](path.md)` and `[Title]: path.md`; the destination ends at whitespace or `)`.
const INLINE_LINK = /\]\(\s*<?([^)\s>]{1,2000})/g;
const DEFINITION = /^ {0,3}\[[^\]\n]{1,500}\]:[ \t]*<?([^\s>]{1,2000})/gm;

/**
 * A table of contents written as Markdown links: mdBook's and GitBook's SUMMARY.md, docsify's
 * _sidebar.md. Links are relative to the file's own folder (for mdBook, book.toml's `src`).
 */
export function readSummary(text: string): NavReading {
  const reading = emptyReading();
  for (const pattern of [INLINE_LINK, DEFINITION]) {
    for (const match of text.matchAll(pattern)) {
      const target = match[1]!;
      if (!isExternal(target) && !target.startsWith("#")) reading.pages.push(target);
    }
  }
  return reading;
}
