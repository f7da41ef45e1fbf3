import type { CheckResult, Diagnostic } from "../core/types.js";
import type { ReportContext } from "./types.js";

const paint = (on: boolean, code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** For people: grouped by file, `path:line:col  severity  message  rule`, the fix indented, a summary. */
export function formatText(result: CheckResult, context: ReportContext): string {
  const red = paint(context.color, 31);
  const yellow = paint(context.color, 33);
  const dim = paint(context.color, 2);
  const bold = paint(context.color, 1);
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  }
  for (const [file, diagnostics] of byFile) {
    lines.push(bold(file));
    for (const d of diagnostics) {
      const severity = d.severity === "error" ? red("error") : yellow("warn ");
      lines.push(`  ${d.file}:${d.line}:${d.column}  ${severity}  ${d.message}  ${dim(d.rule)}`);
      if (d.fix) lines.push(`      ${dim("fix:")} ${d.fix}`);
    }
    lines.push("");
  }
  for (const skip of result.skipped) lines.push(dim(`skipped ${skip.file}: ${skip.reason}`));
  const { errors, warnings, filesChecked } = result.summary;
  const timing = result.timing ? ` in ${result.timing.totalMs} ms` : "";
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  const summary = `${counts} in ${filesChecked} file${filesChecked === 1 ? "" : "s"} checked${timing}`;
  lines.push(errors ? red(summary) : warnings ? yellow(summary) : summary);
  return `${lines.join("\n")}\n`;
}
