import type { Finding } from "../../core/types.js";
import type { ImportEdge } from "../../graph/types.js";
import type { Workspace } from "../workspace.js";

/**
 * Runs a check on the imports of every code file, one file at a time. What it finds in a file
 * must depend only on that file's imports, the config and where imports resolve (the file
 * list, tsconfig and package.json contents): exactly what the file memo's context covers. So a
 * file unchanged since the last run replays its findings from the memo, and only the others
 * are read, lexed and resolved: after a one-file edit, one file. `space` names the rule and its
 * options in the memo.
 */
export async function checkImportsPerFile<F extends Finding>(
  workspace: Workspace,
  space: string,
  report: (finding: F) => void,
  check: (file: string, edges: readonly ImportEdge[], report: (finding: F) => void) => void,
): Promise<void> {
  const memo = workspace.fileMemo();
  const files = workspace.codeFiles();
  const { missing, found } = memo ? memo.replay<F[]>(space, files) : { missing: files, found: new Map<string, F[]>() };
  const computed = await workspace.importEdges(missing);
  for (const [file, edges] of computed) {
    const findings: F[] = [];
    check(file, edges, (finding) => findings.push(finding));
    memo?.set(space, file, findings);
    if (findings.length > 0) found.set(file, findings);
  }
  // Unreadable files are left out (the repo says why; they are read again next run). Reported
  // in file order, as a run without the memo reports them (code files are sorted).
  for (const file of [...found.keys()].sort()) for (const finding of found.get(file)!) report(finding);
}

/** The memo space of a rule run with these options. */
export function memoSpace(ruleId: string, options: Record<string, unknown>): string {
  return `${ruleId} ${JSON.stringify(options)}`;
}
