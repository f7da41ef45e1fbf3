import { docsGenerate } from "../../engine/docs-generate.js";
import type { Io } from "../io.js";

export interface DocsGenerateFlags {
  check?: boolean;
  config?: string;
}

/**
 * Prints each file it rewrote (or, with `--check`, would rewrite) and each block it could not
 * generate. Exit 0 when every block is written and up to date; 1 when a block could not be
 * generated, or with `--check` when a file would change.
 */
export function runDocsGenerate(paths: string[], flags: DocsGenerateFlags, io: Io): number {
  const result = docsGenerate({ cwd: io.cwd, paths, write: !flags.check, ...(flags.config ? { config: flags.config } : {}) });
  for (const problem of result.problems) io.stderr(`${problem.file}:${problem.line}:1: ${problem.message}\n`);
  const verb = flags.check ? "would update" : "updated";
  for (const file of result.changed) io.stdout(`${verb} ${file}\n`);
  if (result.changed.length === 0) {
    const files = result.withBlocks.length;
    io.stdout(files === 0 ? "no guard:generated blocks found\n" : `every generated block is up to date (${files} file${files === 1 ? "" : "s"})\n`);
  }
  return result.problems.length > 0 || (flags.check && result.changed.length > 0) ? 1 : 0;
}
