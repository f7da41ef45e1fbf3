import { packageVersion } from "../../core/package-root.js";
import { UsageError } from "../../core/errors.js";
import { check } from "../../engine/check.js";
import { formatters } from "../../report/index.js";
import type { Io } from "../io.js";

export interface CheckFlags {
  format: string;
  maxWarnings?: string;
  only?: string[];
  staged?: boolean;
  since?: string;
  config?: string;
  timing?: boolean;
}

export async function runCheck(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const formatter = formatters[flags.format]!;
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  if (flags.staged && flags.since) {
    throw new UsageError("--staged and --since cannot be combined", { expected: "one of them" });
  }
  const result = await check({
    cwd: io.cwd,
    config: flags.config,
    paths,
    staged: flags.staged,
    since: flags.since,
    only: flags.only,
    // Text shows the time in its summary; JSON carries it only when asked, so its bytes stay stable.
    timing: flags.timing || flags.format === "text",
  });
  const command = [
    "guard check",
    ...(flags.staged ? ["--staged"] : []),
    ...(flags.since ? [`--since ${flags.since}`] : []),
    `--format ${flags.format}`,
    ...paths,
  ].join(" ");
  io.stdout(formatter(result, { toolVersion: packageVersion(), color: io.color, command }));
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr(`guard: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new UsageError(`--max-warnings: "${value}" is not a count`, { expected: "a whole number, 0 or more" });
  }
  return number;
}
