import type { SgNode } from "@ast-grep/napi";
import type { PatternRuleFile } from "../../config/rule-file-types.js";
import { packageVersion } from "../../core/package-root.js";
import { contentHash } from "../../graph/graph-cache.js";
import type { Workspace } from "../workspace.js";
import { PatternCache, liveRuleKeys, ruleKey } from "./pattern-cache.js";
import { astGrepSays, compilePattern, invalidRule, type CompiledPattern } from "./pattern-compile.js";
import { findingOf, matchAt, type PatternMatch } from "./pattern-finding.js";
import type { KindFinding } from "./kind.js";
import { languageOf, parseSource, releaseParsedTrees, type AstGrep, type Language } from "./pattern-lang.js";
import { satisfies } from "./pattern-words.js";

/** What one pattern rule found this run, or the error that stops it (its rule file is invalid). */
export type PatternOutcome = { findings: KindFinding[] } | { error: unknown };

interface ScannedRule {
  compiled: CompiledPattern;
  /** Per language the rule runs on: its cache key (pattern-cache.ts). */
  keys: Partial<Record<Language, string>>;
  findings: KindFinding[];
  failed: boolean;
}

/** A code file to match: the rules that want it, and their stored matches when the cache has all. */
interface FilePlan {
  file: string;
  language: Language;
  wanted: ScannedRule[];
  stored?: (readonly PatternMatch[])[];
}

/**
 * Larger code files are generated or bundled, not written by an agent; parsing them would cost
 * more than the rest of the run. They are left out silently: other rules (the import graph)
 * still read them, so marking them skipped in the repo would hide them from those rules too.
 */
const MAX_PARSE_CHARS = 1024 * 1024;
/** Parsed files between two releases of their trees: bounds memory at a few tens of MB. */
const RELEASE_EVERY = 1000;

/**
 * Runs every pattern rule of the run over the repo in one pass, so each code file is read
 * once and parsed at most once for all of them, and not at all when the cache (pattern-cache.ts)
 * holds its matches for every rule; a rule's check then takes its own share.
 * Which rules: the pattern rules the engine selected for this run (`--only`, severities);
 * outside the engine, every pattern rule file that guard.yaml does not turn off.
 */
export async function patternOutcomes(workspace: Workspace, astGrep: AstGrep, spec: PatternRuleFile): Promise<Map<PatternRuleFile, PatternOutcome>> {
  const all = await workspace.shared("pattern-matches", () => scan(workspace, astGrep, enabledPatternRules(workspace)));
  if (all.has(spec)) return all;
  // A rule the workspace does not list (a library caller's own rule file): a pass of its own.
  return workspace.shared(`pattern-matches:${spec.source}`, () => scan(workspace, astGrep, [spec]));
}

function enabledPatternRules(workspace: Workspace): PatternRuleFile[] {
  const selected = workspace.selectedRules;
  return workspace.ruleFiles.filter(
    (file): file is PatternRuleFile =>
      file.kind === "pattern" &&
      (selected ? selected.has(file.id) : (workspace.config.rules[file.id]?.severity ?? file.severity) !== "off"),
  );
}

async function scan(workspace: Workspace, astGrep: AstGrep, specs: readonly PatternRuleFile[]): Promise<Map<PatternRuleFile, PatternOutcome>> {
  const { repo } = workspace;
  const outcomes = new Map<PatternRuleFile, PatternOutcome>();
  const rules: ScannedRule[] = [];
  for (const spec of specs) {
    try {
      const compiled = compilePattern(astGrep, spec, () => repo.readText(spec.source));
      const keys: Partial<Record<Language, string>> = {};
      for (const language of Object.keys(compiled.matchers) as Language[]) keys[language] = ruleKey(spec, language);
      const findings: KindFinding[] = [];
      rules.push({ compiled, keys, findings, failed: false });
      outcomes.set(spec, { findings });
    } catch (error) {
      outcomes.set(spec, { error });
    }
  }
  if (rules.length === 0) return outcomes;
  const cache = new PatternCache(repo.root, packageVersion(), workspace.graphOptions.cache ?? true);

  // A file whose identity the cache knows, with matches stored for every rule that wants it,
  // is neither read nor parsed: a warm run after a one-file edit parses that file only.
  const plans: FilePlan[] = [];
  for (const file of candidateFiles(workspace)) {
    const language = languageOf(file)!;
    const wanted = rules.filter(({ compiled }) => compiled.matchers[language] && compiled.selects(file));
    if (wanted.length === 0) continue;
    const identity = repo.identity(file);
    const hash = identity && cache.contentHashOf(file, identity.key);
    const stored = hash ? cache.matches(hash, wanted.map((rule) => rule.keys[language]!)) : [];
    if (hash && stored.every((matches) => matches !== undefined)) {
      repo.vouch(file);
      plans.push({ file, language, wanted, stored: stored as (readonly PatternMatch[])[] });
    } else {
      plans.push({ file, language, wanted });
    }
  }
  repo.preload(plans.filter((plan) => !plan.stored).map((plan) => plan.file));

  const parsing = { count: 0 };
  for (const plan of plans) {
    const stored = plan.stored ?? (await matchFile(workspace, astGrep, cache, plan, outcomes, parsing));
    plan.wanted.forEach((rule, i) => {
      for (const match of stored?.[i] ?? []) rule.findings.push(findingOf(plan.file, match));
    });
  }
  const patternFiles = workspace.ruleFiles.filter((file): file is PatternRuleFile => file.kind === "pattern");
  cache.save((path) => repo.hasFile(path), liveRuleKeys([...patternFiles, ...specs]));
  return outcomes;
}

/**
 * Reads a file the cache could not answer for, takes what it has for this content (a file
 * touched but not changed), parses for the rest (after the word pre-filter) and stores their
 * matches. Undefined when the file cannot be read (binary, missing).
 */
async function matchFile(
  workspace: Workspace,
  astGrep: AstGrep,
  cache: PatternCache,
  { file, language, wanted }: FilePlan,
  outcomes: Map<PatternRuleFile, PatternOutcome>,
  parsing: { count: number },
): Promise<(readonly PatternMatch[])[] | undefined> {
  const text = workspace.repo.readText(file);
  if (text === undefined) return undefined;
  const hash = contentHash(text);
  const identity = workspace.repo.identity(file);
  if (identity?.settled) cache.setContentHash(file, identity.key, hash);
  const results = cache.matches(hash, wanted.map((rule) => rule.keys[language]!));
  const fresh = new Map<string, PatternMatch[]>();
  const need = wanted.filter((rule, i) => results[i] === undefined && !rule.failed);
  // Too large to parse, or lacking a rule's words: no match, stored as such.
  const matching = text.length > MAX_PARSE_CHARS ? [] : need.filter(({ compiled }) => satisfies(text, compiled.matchers[language]!.requirement));
  for (const rule of need) if (!matching.includes(rule)) fresh.set(rule.keys[language]!, []);
  const root = matching.length > 0 ? parseSource(astGrep, language, text)?.root() : undefined;
  if (root) {
    if (++parsing.count % RELEASE_EVERY === 0) await releaseParsedTrees();
    for (const rule of matching) {
      const nodes = findAll(root, rule, language, outcomes);
      if (!rule.failed) fresh.set(rule.keys[language]!, nodes.map((node) => matchAt(text, node, rule.compiled.metavariables)));
    }
  }
  cache.store(hash, fresh);
  return wanted.map((rule, i) => results[i] ?? fresh.get(rule.keys[language]!) ?? []);
}

/** Code files the run looks at: all of them, or only what `--staged`/`--since`/`--commit` changed. */
function candidateFiles(workspace: Workspace): string[] {
  const { repo, change } = workspace;
  const files = change ? [...change.files].filter((file) => repo.hasFile(file)).sort() : repo.files;
  return files.filter((file) => languageOf(file) !== undefined);
}

/** A rule that ast-grep rejects only on real code (never seen so far) ends as its rule file's error. */
function findAll(root: SgNode, rule: ScannedRule, language: Language, outcomes: Map<PatternRuleFile, PatternOutcome>): SgNode[] {
  try {
    return root.findAll(rule.compiled.matchers[language]!.config);
  } catch (error) {
    rule.failed = true;
    outcomes.set(rule.compiled.spec, { error: invalidRule(rule.compiled.spec, astGrepSays(error), undefined) });
    return [];
  }
}
