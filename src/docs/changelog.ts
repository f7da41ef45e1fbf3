import { posix } from "node:path";

/**
 * Release histories: CHANGELOG, CHANGES, HISTORY, RELEASES, RELEASE-NOTES (any case, `.md`,
 * `.markdown` or `.mdx`, with an optional suffix such as `CHANGELOG.old.md`). They are written
 * by release tools, read by people rather than agents, grow without bound (vercel/ai has 274 KB
 * ones), and their long lists are the Markdown parser's slowest input. RELEASE.md, often the
 * how-to-release guide, is not one.
 */
const CHANGELOG_FILE = /^(?:changelog|changes|history|releases|release[-_ ]?notes)(?:[._-][\w.-]*)?\.(?:md|markdown|mdx)$/i;

/** A word in a pattern's last segment that names release histories on purpose. */
const CHANGELOG_WORD = /changelog|changes|history|releases|release[-_ ]?notes/i;

export function isChangelog(path: string): boolean {
  return CHANGELOG_FILE.test(posix.basename(path));
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
