import type { Finding } from "../../core/types.js";
import type { Workspace } from "../workspace.js";

/**
 * Reports each Markdown file longer than `max` lines (0 = off), at the first line over the
 * limit. The limit goes in the evidence, not the length, so the fingerprint survives edits.
 */
export function reportLongFiles(
  workspace: Workspace,
  files: readonly string[],
  max: number,
  report: (finding: Finding & { messageId: "tooLong" }) => void,
): void {
  if (max <= 0) return;
  for (const file of files) {
    const doc = workspace.markdown(file);
    if (!doc || doc.lineCount <= max) continue;
    report({ file, line: max + 1, column: 1, messageId: "tooLong", data: { file, lines: doc.lineCount, max }, evidence: { max } });
  }
}
