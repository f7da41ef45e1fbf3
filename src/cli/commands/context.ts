import { instructionContext } from "../../context/context.js";
import { formatContextText } from "../../report/context-text.js";
import type { Io } from "../io.js";

export interface ContextFlags {
  format: string;
  config?: string;
}

/**
 * `guard context <path>`: a report, so it exits 0 even when a budget is exceeded (the gate is
 * agents/chain-budget in `guard check`); 2 for a path outside the repo or another usage error.
 */
export function runContext(path: string, flags: ContextFlags, io: Io): number {
  const report = instructionContext({ cwd: io.cwd, path, config: flags.config });
  io.stdout(flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : formatContextText(report));
  return 0;
}
