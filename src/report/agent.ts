import type { CheckResult } from "../core/types.js";
import type { ReportContext } from "./types.js";

/** For an agent's context window: short directives, each with a fix, and what to do next. */
export function formatAgent(result: CheckResult, context: ReportContext): string {
  const { errors, warnings } = result.summary;
  const files = result.summary.filesChecked;
  if (result.diagnostics.length === 0) return `guard: clean (${files} file${files === 1 ? "" : "s"} checked). Nothing to fix.\n`;
  const lines = [`guard: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} to fix.`, ""];
  for (const d of result.diagnostics) {
    lines.push(`${d.file}:${d.line} ${d.rule}${d.severity === "warn" ? " (warning)" : ""}`);
    lines.push(`  ${d.message}`);
    lines.push(`  fix: ${d.fix}`);
  }
  lines.push(
    "",
    `Fix these, then run \`${context.command}\` again.`,
    "Never edit guard.yaml or .guard/ to silence a rule: change the code or docs instead.",
  );
  return `${lines.join("\n")}\n`;
}
