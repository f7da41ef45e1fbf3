import { posix } from "node:path";

/**
 * Release histories: files named CHANGELOG, CHANGES, HISTORY, RELEASES, RELEASE-NOTES (any
 * case, `.md`, `.markdown` or `.mdx`, with an optional suffix such as `CHANGELOG-2019.md`) whose
 * text is a list of releases. Release tools write them, people rather than agents read them,
 * they grow without bound (vercel/ai has 274 KB ones), and their long lists are the Markdown
 * parser's slowest input. RELEASE.md, often the how-to-release guide, is not one.
 */
const CHANGELOG_FILE = /^(?:changelog|changes|history|releases|release[-_ ]?notes)(?:[._-][\w.-]*)?\.(?:md|markdown|mdx)$/i;

/**
 * A heading that names a release: a version (`## 1.2.3`, `## [v2.0.0] - 2024-01-31`,
 * `## Version 3.1`), a package at a version (`## @scope/pkg@1.2.3`) or a date (`## 2024-01-31`).
 */
const RELEASE_HEADING = /^ {0,3}#{1,6}[ \t]+\[?(?:(?:version|release|v)[ \t]*)?(?:\d+\.\d+|(?:@[\w.-]+\/)?[\w.-]+@\d+\.\d+|\d{4}-\d{2}-\d{2})/gim;

/** A word in a pattern's last segment that names release histories on purpose. */
const CHANGELOG_WORD = /changelog|changes|history|releases|release[-_ ]?notes/i;

/** Whether the file is named like a release history (the text decides: see isReleaseHistory). */
export function hasChangelogName(path: string): boolean {
  return CHANGELOG_FILE.test(posix.basename(path));
}

/**
 * Whether a file so named holds releases: two headings that name one. A page about how
 * releases are made (gemini-cli's docs/releases.md) has none and is read like any doc.
 */
export function isReleaseHistory(text: string): boolean {
  RELEASE_HEADING.lastIndex = 0;
  return RELEASE_HEADING.exec(text) !== null && RELEASE_HEADING.exec(text) !== null;
}

/**
 * Whether a configured pattern (an `agents.maps` glob or a `docs.roots` entry) names release
 * histories explicitly: its last segment says so (`CHANGELOG.md`, `packages/ai/CHANGES.md`, a
 * glob ending in `/CHANGELOG.md`). A folder root (`docs`) or a catch-all (`*.md`) does not.
 */
export function namesChangelog(pattern: string): boolean {
  const last = pattern.replace(/\/+$/, "").split("/").pop() ?? "";
  return CHANGELOG_WORD.test(last);
}
