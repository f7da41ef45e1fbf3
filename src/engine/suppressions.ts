import type { Workspace } from "../checks/workspace.js";
import { isMarkdown } from "../checks/workspace.js";
import { suppressionsOf, type Suppression } from "../checks/shared/map-suppressions.js";

export type { Suppression } from "../checks/shared/map-suppressions.js";

/** The rule that checks suppressions; a comment must not be able to silence it. */
const SUPPRESSION_RULE = "guard/suppression";

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
