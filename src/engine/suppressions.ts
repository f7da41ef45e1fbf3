import type { Workspace } from "../checks/workspace.js";
import { isMarkdown } from "../checks/workspace.js";

/**
 * `<!-- guard-ignore <rule>[, <rule>…] -- <reason> -->` in Markdown silences those rules on the
 * comment's own lines and the line after it; `guard-ignore-file` silences them in the whole file.
 */
export interface Suppression {
  file: string;
  rules: string[];
  reason: string;
  wholeFile: boolean;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const DIRECTIVE = /^guard-ignore(-file)?\s+([\s\S]*)$/;

export function markdownSuppressions(workspace: Workspace, file: string): Suppression[] {
  if (!isMarkdown(file)) return [];
  const doc = workspace.markdown(file);
  if (!doc) return [];
  const found: Suppression[] = [];
  for (const comment of doc.comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const [rulesPart, ...reasonParts] = match[2]!.split(/\s--\s?|\s--$/);
    found.push({
      file,
      rules: rulesPart!.split(/[\s,]+/).filter(Boolean),
      reason: reasonParts.join(" -- ").trim(),
      wholeFile: match[1] !== undefined,
      line: comment.line,
      column: comment.column,
      endLine: comment.endLine,
      endColumn: comment.endColumn,
    });
  }
  return found;
}

export function suppresses(suppression: Suppression, rule: string, line: number): boolean {
  if (!suppression.rules.includes(rule)) return false;
  return suppression.wholeFile || (line >= suppression.line && line <= suppression.endLine + 1);
}
