import type { ImportRuleFile } from "../../config/rule-file-types.js";
import { globMatcher } from "../../repo/glob.js";
import { compileFromGlob, type Captures } from "./import-captures.js";
import { EntryMatchers } from "./import-entries.js";
import type { ImportTarget } from "./import-target.js";

/** What a rule says about one import: the entry that forbids it, and the one that allows it anyway. */
export interface Verdict {
  forbiddenBy?: string;
  allowedBy?: string;
}

/** An import rule compiled once per run: which files it applies to, and what they may not import. */
export interface CompiledImportRule {
  /** The captures of an importing file the rule applies to; undefined when it does not apply. */
  select(file: string): Captures | undefined;
  /** Why the rule does not apply to the file, or undefined when it does. */
  whyNot(file: string): string | undefined;
  judge(target: ImportTarget, captures: Captures): Verdict;
}

export function compileImportRule(spec: ImportRuleFile): CompiledImportRule {
  const fromGlobs = spec.from.map(compileFromGlob);
  const files = spec.files.length > 0 ? globMatcher(spec.files) : () => true;
  const ignore = globMatcher(spec.ignore);
  const forbid = new EntryMatchers(spec.forbid);
  const allow = new EntryMatchers(spec.allow);
  // With several `from` globs, the first that matches gives the captures.
  const capturesOf = (file: string): Captures | undefined => {
    if (fromGlobs.length === 0) return {};
    for (const match of fromGlobs) {
      const captures = match(file);
      if (captures) return captures;
    }
    return undefined;
  };
  const whyNot = (file: string): string | undefined =>
    !capturesOf(file) ? "matches no `from` glob" : !files(file) ? "is outside `files`" : ignore(file) ? "is in `ignore`" : undefined;
  return {
    select: (file) => (files(file) && !ignore(file) ? capturesOf(file) : undefined),
    whyNot,
    judge(target, captures) {
      const forbiddenBy = forbid.firstMatch(target, captures);
      if (forbiddenBy === undefined) return {};
      const allowedBy = allow.firstMatch(target, captures);
      return allowedBy === undefined ? { forbiddenBy } : { forbiddenBy, allowedBy };
    },
  };
}
