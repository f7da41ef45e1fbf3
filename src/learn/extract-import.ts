import { globMatcher } from "../repo/glob.js";
import type { RemovedImport } from "./extract-code.js";
import { crossLadder, example, type ExtractContext } from "./extract-context.js";
import { forbidLadder } from "./ladder-import.js";
import { scopeLadder } from "./ladder-scope.js";
import { ruleId } from "./naming.js";
import type { Candidate } from "./types.js";

/**
 * The candidates of one removed import: forbid rungs × `from` rungs, most general first. Over
 * every file (`from: []`), a repo target's own area is ignored: it may import itself.
 */
export function importCandidates(removed: RemovedImport, context: ExtractContext): Candidate[] {
  const candidates: Candidate[] = [];
  const forbids = forbidLadder(removed.target, removed.file, context.config);
  const scopes = scopeLadder(removed.file, context.config);
  const written = removed.target.path ?? removed.target.module ?? removed.target.name;
  for (const { a: forbid, b: scope } of crossLadder(forbids, scopes)) {
    // A `from` that the forbidden area covers would forbid the area to itself.
    if (scope.globs.length > 0 && forbid.local && scope.globs.every((glob) => globMatcher(forbid.forbid)(glob.replace(/\/\*\*$/, "/x")))) continue;
    const ignore = scope.globs.length === 0 && forbid.local ? forbid.forbid : [];
    const replacementAllowed = removed.replacement !== undefined && !globMatcher(forbid.forbid)(removed.replacement) && !forbid.forbid.some((entry) => removed.replacement === entry || removed.replacement!.startsWith(`${entry}/`));
    const instead = removed.replacement ? `Import \`${removed.replacement}\` instead of \`${removed.specifier}\`` : `Remove the import of \`${removed.specifier}\``;
    candidates.push({
      kind: "import",
      generality: candidates.length,
      label: `import from ${scope.label} forbidding ${forbid.forbid.join(", ")}`,
      expect: [{ file: removed.file, line: removed.line }],
      rule: {
        id: ruleId(forbid.subject, scope.area),
        kind: "import",
        severity: "error",
        files: [],
        ignore,
        message: `${scope.phrase} must not import ${forbid.phrase}; the import of \`${removed.specifier}\` in ${removed.file} was removed in ${context.reference}`,
        fix: `${instead}, as ${context.evidence.label} did.`,
        why: context.why,
        examples: {
          bad: [example({ file: removed.file, import: written })],
          good: replacementAllowed ? [example({ file: removed.file, import: removed.replacement! })] : [],
        },
        from: scope.globs,
        forbid: forbid.forbid,
        allow: [],
      },
    });
  }
  return candidates;
}
