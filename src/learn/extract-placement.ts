import { posix } from "node:path";
import { crossLadder, example, type ExtractContext } from "./extract-context.js";
import { scopeLadder } from "./ladder-scope.js";
import { kebab } from "./naming.js";
import type { Candidate, FileChange } from "./types.js";

/**
 * A file the fix moved to another folder: `placement` candidates. `match` rungs, most general
 * first: the name's kind suffix (`order.repo.ts` → `**\/*.repo.ts`), then the exact name;
 * `in` is the new folder; `files` follows the scope ladder of the old place.
 */
export function placementCandidates(change: FileChange, context: ExtractContext): Candidate[] {
  if (change.status !== "renamed" || !change.oldPath || !change.newPath) return [];
  const from = posix.dirname(change.oldPath);
  const to = posix.dirname(change.newPath);
  const name = posix.basename(change.newPath);
  if (from === to) return [];
  const inFolder = to === "." ? ["*"] : [`${to}/**`];
  const where = to === "." ? "the repository root" : `${to}/`;
  const matches = matchLadder(name);
  const candidates: Candidate[] = [];
  for (const { a: match, b: scope } of crossLadder(matches, scopeLadder(change.oldPath, context.config))) {
    candidates.push({
      kind: "placement",
      generality: candidates.length,
      label: `placement ${match.glob} in ${inFolder[0]} for ${scope.label}`,
      expect: [{ file: change.oldPath, line: 1 }],
      rule: {
        id: `learned/place-${kebab(match.subject) || "file"}-in-${kebab(to === "." ? "root" : posix.basename(to))}`,
        kind: "placement",
        severity: "error",
        files: scope.globs,
        ignore: [],
        message: `${match.phrase} belong in ${where}; \`${change.oldPath}\` was moved there in ${context.reference}`,
        fix: `Move the file under ${where}, as ${context.evidence.label} moved \`${change.oldPath}\` to \`${change.newPath}\`.`,
        why: context.why,
        examples: { bad: [example({ file: change.oldPath })], good: [example({ file: change.newPath })] },
        match: [match.glob],
        in: inFolder,
      },
    });
  }
  return candidates;
}

function matchLadder(name: string): { glob: string; subject: string; phrase: string }[] {
  const steps: { glob: string; subject: string; phrase: string }[] = [];
  const parts = name.split(".");
  // `order.repo.ts`: the middle part names a kind of file; `order.ts` has none.
  if (parts.length >= 3 && parts[0] !== "") {
    const suffix = parts.slice(1).join(".");
    steps.push({ glob: `**/*.${suffix}`, subject: parts.slice(1, -1).join("-"), phrase: `Files named \`*.${suffix}\`` });
  }
  steps.push({ glob: `**/${name}`, subject: parts[0] || name, phrase: `Files named \`${name}\`` });
  return steps;
}
