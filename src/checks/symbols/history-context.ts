/**
 * Docs that speak of code that is gone or not built yet. A migration guide lists the names a
 * release removed; an RFC names the types it proposes; a changelog the ones it renamed. Their
 * symbols are not claims that the code has them, so docs/unknown-symbol reads past them.
 */

import type { InlineCode, MarkdownDoc } from "../../docs/model.js";
import { sentenceAfter, sentenceBefore } from "../links/path-claim.js";

// A file or folder named for history or proposals: MIGRATION.md, upgrade-to-v2.md, docs/rfcs/,
// CHANGELOG.md, release-notes/, docs/adr/, decisions/, development-extension-rfc.md.
const HISTORY_SEGMENT =
  /(?:^|[-_./])(?:migrat\w*|upgrad\w*|changelog|changes|history|release[-_]?notes|releases|rfcs?|proposals?|adrs?|decisions?|deprecat\w*|breaking[-_]?changes?|roadmap)(?:[-_./]|$)/i;

/** A doc whose path says it is about history or proposals: every symbol in it is quiet. */
export function isHistoryDoc(path: string): boolean {
  return HISTORY_SEGMENT.test(path.toLowerCase());
}

// "Gone: `A`, `B`", "`A` was renamed to `B`", "replaces the deprecated `A`", "formerly `A`".
// Past forms only: "remove validations" or "is used to restore" says what code does, not that it went.
const GONE_WORDS =
  /\b(?:removed|deleted|dropped|renamed|deprecated|gone|no\s+longer|replaced|formerly|previously|legacy|obsolete|instead\s+of|was\s+called|old)\b/i;
// A section about a change: "## Experimental tasks interception removed", "### Breaking changes".
const CHANGE_HEADING = /\b(?:removed|deprecated|deprecations|breaking|migrat\w*|upgrad\w*|renamed|legacy|changelog|what's\s+changed|release\s+notes)\b/i;

/**
 * The mention's sentence or its section speaks of removal, renaming or migration: what it names
 * may be the old name on purpose.
 */
export function speaksOfChange(doc: MarkdownDoc, code: InlineCode): boolean {
  const sentence = `${sentenceBefore(doc, code.line, code.column)} ${sentenceAfter(doc, code.endLine, code.endColumn)}`;
  if (GONE_WORDS.test(sentence)) return true;
  let heading: string | undefined;
  for (const candidate of doc.headings) {
    if (candidate.line > code.line) break;
    heading = candidate.text;
  }
  return heading !== undefined && CHANGE_HEADING.test(heading);
}
