import staleBaselineRule from "../checks/guard/stale-baseline.js";
import type { Rule } from "../checks/rule.js";
import type { ResolvedConfig } from "../config/types.js";
import type { Diagnostic, Finding, Severity } from "../core/types.js";
import { baselinePath, readBaseline, type BaselineEntry } from "./baseline-file.js";
import type { SelectedRule } from "./select-rules.js";
import { compareDiagnostics, stamp, withFingerprints } from "./stamp.js";

export interface BaselineOptions {
  /** false with `--no-baseline`: report every finding. */
  enabled: boolean;
  /** `--strict-baseline`: stale entries are errors. */
  strict: boolean;
  /** The rules this run executed. An entry of a rule that did not run is not stale; undefined: nothing is. */
  selected?: readonly SelectedRule[];
  /** The run reports on part of the repo (paths, `--staged`, `--since`, `--commit`): nothing is stale then. */
  scoped?: boolean;
}

const STALE_RULE = staleBaselineRule as unknown as Rule;

/**
 * Drops findings recorded in the baseline (`guard baseline`) and reports entries that no
 * longer occur (guard/stale-baseline), so the baseline can only shrink. Matching is by
 * fingerprint, one entry per finding: fixing one finding and adding another cannot cancel out.
 */
export function applyBaseline(diagnostics: Diagnostic[], config: ResolvedConfig, options: BaselineOptions): Diagnostic[] {
  if (!options.enabled) return diagnostics;
  const path = baselinePath(config.root, config.baseline, config.file);
  const entries = readBaseline(config.root, path);
  if (!entries) return diagnostics;
  const recorded = new Set(entries.map((entry) => entry.fingerprint));
  const kept = diagnostics.filter((diagnostic) => !recorded.has(diagnostic.fingerprint));
  const stale = staleFindings(entries, diagnostics, path, options);
  if (stale.length === 0) return kept;
  return [...kept, ...stale].sort(compareDiagnostics);
}

/** Entries that this run could have found but did not: their rule ran over the whole repo. */
function staleFindings(entries: readonly BaselineEntry[], diagnostics: readonly Diagnostic[], path: string, options: BaselineOptions): Diagnostic[] {
  const severity = staleSeverity(options);
  if (!severity || options.scoped || !options.selected) return [];
  const ran = new Set(options.selected.map((entry) => entry.rule.meta.id));
  const occurring = new Set(diagnostics.map((diagnostic) => diagnostic.fingerprint));
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const entry of entries) {
    // After a union merge the same entry may stand twice; report it once.
    if (occurring.has(entry.fingerprint) || !ran.has(entry.rule) || reported.has(entry.fingerprint)) continue;
    reported.add(entry.fingerprint);
    findings.push({
      file: path,
      line: Math.max(entry.line, 1),
      column: 1,
      messageId: "stale",
      data: { rule: entry.rule, file: entry.file, message: entry.message, baseline: path },
      evidence: { fingerprint: entry.fingerprint, rule: entry.rule, file: entry.file },
    });
  }
  return withFingerprints(findings.map((finding) => stamp(STALE_RULE, severity, finding)).sort(compareDiagnostics));
}

/** Error with `--strict-baseline`; otherwise the rule's configured severity, when it is on. */
function staleSeverity(options: BaselineOptions): Severity | undefined {
  if (options.strict) return "error";
  return options.selected?.find((entry) => entry.rule.meta.id === STALE_RULE.meta.id)?.severity;
}
