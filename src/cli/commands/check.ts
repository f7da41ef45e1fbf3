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
  commit?: string;
  allowWeaken?: boolean;
  /** commander sets false for `--no-baseline`. */
  baseline?: boolean;
  strictBaseline?: boolean;
  config?: string;
  timing?: boolean;
  /** commander sets false for `--no-cache`. */
  cache?: boolean;
}

export async function runCheck(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const formatter = formatters[flags.format]!;
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const changeFlags = [flags.staged && "--staged", flags.since && "--since", flags.commit && "--commit"].filter(Boolean);
  if (changeFlags.length > 1) {
    throw new UsageError(`${changeFlags.join(" and ")} cannot be combined`, { expected: "one of --staged, --since <rev>, --commit <rev>" });
  }
  const result = await check({
    cwd: io.cwd,
    config: flags.config,
    paths,
    staged: flags.staged,
    since: flags.since,
    commit: flags.commit,
    allowWeaken: flags.allowWeaken,
    baseline: flags.baseline !== false,
    strictBaseline: flags.strictBaseline,
    only: flags.only?.length ? flags.only : undefined,
    // Text shows the time in its summary; JSON carries it only when asked, so its bytes stay stable.
    timing: flags.timing || flags.format === "text",
    cache: flags.cache !== false,
  });
  io.stdout(formatter(result, { toolVersion: packageVersion(), color: io.color, command: rerunCommand(paths, flags) }));
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr(`guard: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The same check again, as the agent format tells an agent to run it after fixing. */
function rerunCommand(paths: string[], flags: CheckFlags): string {
  return [
    "guard check",
    ...(flags.staged ? ["--staged"] : []),
    ...(flags.since ? [`--since ${quote(flags.since)}`] : []),
    ...(flags.commit ? [`--commit ${quote(flags.commit)}`] : []),
    ...(flags.baseline === false ? ["--no-baseline"] : []),
    ...(flags.strictBaseline ? ["--strict-baseline"] : []),
    ...(flags.config ? [`--config ${quote(flags.config)}`] : []),
    ...(flags.only?.length ? [`--only ${quote(flags.only.join(","))}`] : []),
    ...(flags.maxWarnings !== undefined ? [`--max-warnings ${quote(flags.maxWarnings)}`] : []),
    `--format ${flags.format}`,
    ...paths.map(quote),
  ].join(" ");
}

/** Shell-quotes a word only when it needs it, so the usual command stays readable. */
function quote(word: string): string {
  return /^[\w./,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new UsageError(`--max-warnings: "${value}" is not a count`, { expected: "a whole number, 0 or more" });
  }
  return number;
}
