import { isCodeFile } from "../graph/types.js";
import { crossLadder, example, type ExtractContext } from "./extract-context.js";
import { pairHunks } from "./extract-nodes.js";
import { linesDifferOnlyInNumbers } from "./extract-values.js";
import { scopeLadder } from "./ladder-scope.js";
import { ruleId, snippet } from "./naming.js";
import type { Candidate, FileChange } from "./types.js";

/** Prose and lock files: a removed sentence or a resolved version is no rule. */
const NOT_LEARNED = /\.(md|mdx|markdown|txt|rst|adoc)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|poetry\.lock|go\.sum)$/i;
const MAX_LINES_PER_FILE = 5;

/**
 * Removed lines of a non-code text file (YAML, JSON, shell…): `text` candidates. Regex rungs,
 * most general first: digits as `\d+` (when the line has any), then the exact line; scope
 * rungs as for code. A line still present after the fix, or one whose replacement differs
 * only in numbers, is skipped.
 */
export function textCandidates(change: FileChange, context: ExtractContext, notes: string[]): Candidate[] {
  const file = change.oldPath;
  if (!file || change.before === undefined || isCodeFile(file) || change.status === "deleted") return [];
  if (NOT_LEARNED.test(file)) {
    if (change.removed.length > 0) notes.push(`${file}: removed prose or lock-file lines are not learned as rules`);
    return [];
  }
  const before = change.before.split(/\r?\n/);
  const after = change.after?.split(/\r?\n/) ?? [];
  const kept = new Set(after.map((line) => line.trim()));
  const candidates: Candidate[] = [];
  let taken = 0;
  for (const [hunk, range] of change.removed.entries()) {
    for (let number = range.start; number <= range.end && taken < MAX_LINES_PER_FILE; number++) {
      const line = (before[number - 1] ?? "").trim();
      if (line.length < 3 || line.length > 200 || kept.has(line)) continue;
      const replacement = replacementLine(change, hunk, number - range.start, after);
      if (replacement !== undefined && linesDifferOnlyInNumbers(line, replacement)) {
        notes.push(`${file}:${number}: the fix only changed a number (\`${line}\` → \`${replacement}\`)`);
        continue;
      }
      taken++;
      candidates.push(...lineCandidates(file, number, line, replacement, context, candidates.length));
    }
  }
  return candidates;
}

function lineCandidates(file: string, number: number, line: string, replacement: string | undefined, context: ExtractContext, offset: number): Candidate[] {
  const exact = escapeRegex(line);
  const regexes = /\d/.test(line) ? [exact.replace(/\d+/g, "\\d+"), exact] : [exact];
  return crossLadder(regexes, scopeLadder(file, context.config)).map(({ a: regex, b: scope }, i) => {
    const good = replacement !== undefined && !new RegExp(regex).test(replacement) ? [example({ file, code: replacement })] : [];
    return {
      kind: "text" as const,
      generality: offset + i,
      label: `text /${regex}/ in ${scope.label}`,
      expect: [{ file, line: number }],
      rule: {
        id: ruleId(line, scope.area),
        kind: "text" as const,
        severity: "error" as const,
        files: scope.globs,
        ignore: [],
        message: `\`${snippet(line)}\` must not appear in ${scope.where}; it was removed from ${file} in ${context.reference}`,
        fix: `${replacement ? `Write \`${snippet(replacement)}\` instead` : "Remove it"}, as ${context.evidence.label} did.`,
        why: context.why,
        examples: { bad: [example({ file, code: line })], good },
        regex,
        flags: "",
      },
    };
  });
}

/** The added line at the same offset of the same hunk, when the hunk replaced lines. */
function replacementLine(change: FileChange, hunk: number, offset: number, after: string[]): string | undefined {
  const index = pairHunks(change.removed, change.added).get(hunk);
  const added = index === undefined ? undefined : change.added[index];
  if (!added || added.start + offset > added.end) return undefined;
  return after[added.start + offset - 1]?.trim();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
