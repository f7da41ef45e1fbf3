import type { Workspace } from "../checks/workspace.js";
import type { Suppression } from "../checks/suppressions/markdown-suppressions.js";
import { suppressionIndex } from "../checks/suppressions/suppression-index.js";
import type { RawFinding, SelectedRule } from "./select-rules.js";

export type { Suppression } from "../checks/suppressions/markdown-suppressions.js";

/** The rules that check suppressions; a comment must not be able to silence them. */
const SUPPRESSION_RULE = "guard/suppression";
const UNUSED_RULE = "guard/unused-suppression";
const UNSILENCEABLE = new Set([SUPPRESSION_RULE, UNUSED_RULE]);
/** Built-in rules that only report on a change (`--staged`, `--since`, `--commit`). */
const CHANGE_ONLY = new Set(["guard/weakened"]);
/** Rule-file kinds that judge only a change (`--staged`, `--since`, `--commit`). */
const CHANGE_KINDS: ReadonlySet<string> = new Set(["co-change", "json-fields", "append-only"]);

/**
 * The findings that no suppression comment silences (Markdown `<!-- guard-ignore … -->`, code
 * `// guard-ignore …`, `# guard-ignore …`; see docs/suppressions.md). When guard/unused-suppression
 * runs, a suppression that silenced nothing this run becomes one of its findings, appended here.
 */
export function applySuppressions(workspace: Workspace, raw: readonly RawFinding[], selected: readonly SelectedRule[]): RawFinding[] {
  const index = suppressionIndex(workspace);
  const used = new Set<Suppression>();
  const kept = raw.filter(({ selected: entry, finding }) => {
    const rule = entry.rule.meta.id;
    if (UNSILENCEABLE.has(rule)) return true;
    const line = finding.line ?? 1;
    const silencing = index.of(finding.file).filter((suppression) => suppresses(suppression, rule, line));
    for (const suppression of silencing) used.add(suppression);
    return silencing.length === 0;
  });
  const unusedRule = selected.find((entry) => entry.rule.meta.id === UNUSED_RULE);
  if (!unusedRule) return kept;
  for (const suppression of index.all()) {
    if (used.has(suppression) || !coveredByRun(workspace, suppression, selected)) continue;
    kept.push({ selected: unusedRule, finding: unusedFinding(suppression) });
  }
  return kept;
}

export function suppresses(suppression: Suppression, rule: string, line: number): boolean {
  if (UNSILENCEABLE.has(rule) || !suppression.rules.includes(rule)) return false;
  return suppression.wholeFile || (line >= suppression.silences.from && line <= suppression.silences.to);
}

/**
 * Could this run have used the suppression? Only when every rule it names ran (not with `--only`
 * of another rule, not a rule turned off or unknown) and could report here: a rule that looks
 * only at a change (co-change rule files, guard/weakened) is quiet in a whole-tree run.
 * False alarms cost more than misses, so anything unsure counts as not covered.
 */
function coveredByRun(workspace: Workspace, suppression: Suppression, selected: readonly SelectedRule[]): boolean {
  if (suppression.rules.length === 0) return false;
  return suppression.rules.every((id) => {
    const entry = selected.find((candidate) => candidate.rule.meta.id === id);
    if (!entry || UNSILENCEABLE.has(id)) return false;
    const changeOnly = CHANGE_ONLY.has(id) || CHANGE_KINDS.has(entry.rule.meta.origin?.kind ?? "");
    return !changeOnly || workspace.change !== undefined;
  });
}

function unusedFinding(suppression: Suppression): RawFinding["finding"] {
  const { file, directive, rules } = suppression;
  return {
    file,
    line: suppression.line,
    column: suppression.column,
    endLine: suppression.endLine,
    endColumn: suppression.endColumn,
    messageId: "unused",
    data: { directive, rules: rules.join(", ") },
    evidence: { directive, rules },
  };
}
