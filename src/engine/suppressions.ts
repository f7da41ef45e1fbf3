import type { Workspace } from "../checks/workspace.js";
import { isMarkdown } from "../checks/workspace.js";
import { suppressionsOf, type Suppression } from "../checks/shared/map-suppressions.js";
import type { RawFinding, SelectedRule } from "./select-rules.js";

export type { Suppression } from "../checks/shared/map-suppressions.js";

/** The rule that checks suppressions; a comment must not be able to silence it. */
const SUPPRESSION_RULE = "guard/suppression";

/**
 * The findings that no suppression comment silences. Findings whose file has a matching
 * `guard-ignore` (on the finding's line or the line before) are dropped.
 */
export function applySuppressions(workspace: Workspace, raw: readonly RawFinding[], _selected: readonly SelectedRule[]): RawFinding[] {
  const byFile = new Map<string, Suppression[]>();
  return raw.filter(({ selected: entry, finding }) => {
    if (!byFile.has(finding.file)) byFile.set(finding.file, markdownSuppressions(workspace, finding.file));
    const line = finding.line ?? 1;
    return !byFile.get(finding.file)!.some((s) => suppresses(s, entry.rule.meta.id, line));
  });
}

export function markdownSuppressions(workspace: Workspace, file: string): Suppression[] {
  if (!isMarkdown(file)) return [];
  const text = workspace.repo.readText(file);
  // Most files have none: skip parsing (and caching) a file that cannot hold one.
  if (text === undefined || !text.includes("guard-ignore")) return [];
  const doc = workspace.markdown(file);
  return doc ? suppressionsOf(doc) : [];
}

export function suppresses(suppression: Suppression, rule: string, line: number): boolean {
  if (rule === SUPPRESSION_RULE || !suppression.rules.includes(rule)) return false;
  return suppression.wholeFile || (line >= suppression.line && line <= suppression.endLine + 1);
}
