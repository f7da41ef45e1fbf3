import type { CheckResult } from "../../core/types.js";
import { runInit, type InitResult } from "../../init/init.js";
import type { Io } from "../io.js";

export interface InitFlags {
  preset?: string;
  dryRun?: boolean;
  /** commander sets false for `--no-cache`. */
  cache?: boolean;
}

/**
 * `guard init`: exit 0 when the files were written (or printed with --dry-run); 2 when it refused,
 * or when it wrote them but the check cannot run (a config or rule-file error, as `guard check` exits).
 */
export async function runInitCommand(flags: InitFlags, io: Io): Promise<number> {
  const result = await runInit({ cwd: io.cwd, preset: flags.preset, dryRun: flags.dryRun, cache: flags.cache !== false });
  if (!result.written) {
    for (const file of result.files) io.stdout(`--- ${file.path} (guard init would write it) ---\n${file.text}`);
    io.stdout(`--- end ---\nguard init --dry-run: wrote nothing. ${summary(result).join(" ")}\n`);
    return 0;
  }
  const names = result.files.map((file) => file.path).join(" and ");
  io.stdout(`guard init: wrote ${names} in ${seconds(result.timing.inferMs)}. ${summary(result).join(" ")}\n`);
  if (result.checkError) {
    io.stderr(`guard: the files are written, but guard check cannot run with them: ${result.checkError.format()}\n`);
    return 2;
  }
  if (result.check) io.stdout(checkSummary(result.check, result.timing.checkMs));
  return 0;
}

/** What was inferred, in a line or two: the full reasons are the comments in guard.yaml. */
function summary(result: InitResult): string[] {
  const { proposal, harness, docs } = result.plan;
  const lines: string[] = [];
  if (harness?.fits) lines.push(`Layers: the harness preset's (${harness.along} imports along, ${harness.against.length} against).`);
  else if (proposal.layers.length > 0) {
    lines.push(`Layers: ${proposal.layers.map((layer) => layer.name).join(" → ")} (${proposal.along} imports along this order, ${proposal.against.length} against).`);
  } else lines.push("No layers proposed (guard.yaml says why).");
  if (docs.roots.length > 0) lines.push(`Docs roots: ${docs.roots.map((root) => `${root.dir}/`).join(", ")}.`);
  if (docs.nav.length > 0) lines.push(`Docs-site navigation: ${docs.nav.length} file${docs.nav.length === 1 ? "" : "s"}.`);
  return lines;
}

function checkSummary(result: CheckResult, ms: number): string {
  const { errors, warnings } = result.summary;
  const lines = [`guard check with the new config: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} (${seconds(ms)}).`];
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const diagnostic of result.diagnostics) {
    const entry = byRule.get(diagnostic.rule) ?? { errors: 0, warnings: 0 };
    byRule.set(diagnostic.rule, entry);
    if (diagnostic.severity === "error") entry.errors += 1;
    else entry.warnings += 1;
  }
  const width = Math.max(0, ...[...byRule.keys()].map((rule) => rule.length)) + 2;
  for (const [rule, counts] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parts = [counts.errors > 0 ? `${counts.errors} error${counts.errors === 1 ? "" : "s"}` : "", counts.warnings > 0 ? `${counts.warnings} warning${counts.warnings === 1 ? "" : "s"}` : ""];
    lines.push(`  ${rule.padEnd(width)}${parts.filter(Boolean).join(", ")}`);
  }
  if (errors + warnings > 0) {
    lines.push(
      "Run `guard check` to see each finding. They are what the repository owes today: fix them, or record them with",
      "`guard baseline` (docs/baseline.md), after which `guard check` fails only on new findings.",
    );
  } else lines.push("Nothing to fix: `guard check` passes.");
  return `${lines.join("\n")}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
