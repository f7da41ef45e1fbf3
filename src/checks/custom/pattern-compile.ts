import type { NapiConfig } from "@ast-grep/napi";
import type { AstGrepRule, PatternRuleFile } from "../../config/rule-file-types.js";
import { UsageError } from "../../core/errors.js";
import { globMatcher } from "../../repo/glob.js";
import { metavariablesOf, type Metavariable } from "./pattern-finding.js";
import { LANGUAGES, hasSyntaxError, parseSource, type AstGrep, type Language } from "./pattern-lang.js";
import { requirementOf, type Requirement } from "./pattern-words.js";

/** A pattern rule ready to run on one language. */
export interface LanguageMatcher {
  config: NapiConfig;
  /** Words a file must contain before it is worth parsing. */
  requirement: Requirement;
}

/** A pattern rule file compiled for every language it can run on. */
export interface CompiledPattern {
  spec: PatternRuleFile;
  /** Whether a repo file is one the rule looks at (`files` minus `ignore`). */
  selects(path: string): boolean;
  /** Per language; absent where the pattern is not valid code of that language (`$A as any` in JavaScript). */
  matchers: Partial<Record<Language, LanguageMatcher>>;
  metavariables: Metavariable[];
}

const compiled = new WeakMap<PatternRuleFile, CompiledPattern>();

/**
 * Compiles a rule once (per loaded rule file). A pattern that is no valid code, or a rule
 * object ast-grep rejects, in every language is the rule file's error: exit 2 with its place.
 * `fileText` reads the rule file to point at its `pattern:`/`rule:` line.
 */
export function compilePattern(astGrep: AstGrep, spec: PatternRuleFile, fileText?: () => string | undefined): CompiledPattern {
  const known = compiled.get(spec);
  if (known) return known;
  const rule: AstGrepRule = spec.rule ?? { pattern: spec.pattern };
  const config = { rule, ...(spec.constraints ? { constraints: spec.constraints } : {}) } as unknown as NapiConfig;
  const matchers: Partial<Record<Language, LanguageMatcher>> = {};
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    const problem = problemIn(astGrep, language, rule, config);
    if (problem) problems.push(problem);
    else matchers[language] = { config, requirement: requirementOf(astGrep, language, rule) };
  }
  if (problems.length === LANGUAGES.length) throw invalidRule(spec, problems[0]!, fileText?.());
  const include = spec.files.length > 0 ? globMatcher(spec.files) : () => true;
  const ignore = globMatcher(spec.ignore);
  const result: CompiledPattern = {
    spec,
    selects: (path) => include(path) && !ignore(path),
    matchers,
    metavariables: metavariablesOf(rule, spec.constraints),
  };
  compiled.set(spec, result);
  return result;
}

/** Why the rule cannot run on this language, or undefined when it can. */
function problemIn(astGrep: AstGrep, language: Language, rule: AstGrepRule, config: NapiConfig): string | undefined {
  for (const pattern of patternStrings(rule)) {
    const root = parseSource(astGrep, language, pattern);
    if (!root || hasSyntaxError(root)) return `the pattern \`${pattern}\` is not valid TypeScript, TSX or JavaScript code`;
  }
  const probe = parseSource(astGrep, language, "x");
  try {
    probe?.root().findAll(config);
    return undefined;
  } catch (error) {
    return astGrepSays(error);
  }
}

/** ast-grep's error, its `|->` cause chain on one line. */
export function astGrepSays(error: unknown): string {
  const lines = String((error as Error)?.message ?? error).split("\n").map((line) => line.replace(/^\s*\|->/, "").trim());
  return `ast-grep says: ${lines.filter(Boolean).join(" ")}`;
}

/** Every pattern string in a rule object, at any depth (`inside: { pattern: … }` included). */
function patternStrings(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(patternStrings);
  if (typeof rule !== "object" || rule === null) return [];
  return Object.entries(rule).flatMap(([key, value]) =>
    key === "pattern" && typeof value === "string" ? [value] : patternStrings(value),
  );
}

export function invalidRule(spec: PatternRuleFile, problem: string, text: string | undefined): UsageError {
  const key = spec.rule ? "rule" : "pattern";
  return new UsageError(`rule ${spec.id}: invalid ${key === "rule" ? "ast-grep rule" : "pattern"}: ${problem}`, {
    where: `${spec.source}:${lineOfKey(text, key)}:1`,
    expected:
      key === "rule"
        ? "an ast-grep rule object (pattern, kind, regex, inside, has, not, all, any, follows, precedes, with stopBy)"
        : "an ast-grep pattern that parses as one node of code, e.g. `moment($$$ARGS)` or `$A as any`",
    suggestion:
      "try the pattern in the ast-grep playground (https://ast-grep.github.io/playground.html); for a fragment such as an object key use " +
      "`rule: { pattern: { context: '({ \"key\": $V })', selector: pair } }`",
  });
}

/** The line of a top-level `key:` in the rule file's text, or 1 when it cannot be found. */
function lineOfKey(text: string | undefined, key: string): number {
  const lines = text?.split(/\r?\n/) ?? [];
  const index = lines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`));
  return index === -1 ? 1 : index + 1;
}
