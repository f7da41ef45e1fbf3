import type { CheckResult, Diagnostic } from "../core/types.js";

/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=…,line=…,col=…,title=<rule>::<message> — fix: <fix>` (`::warning` for warnings).
 * `endLine`/`endColumn` are added only when the finding covers a real range.
 */
export function formatGithub(result: CheckResult): string {
  return result.diagnostics.map((d) => `::${level(d)} ${properties(d)}::${escapeData(`${d.message} — fix: ${d.fix}`)}\n`).join("");
}

function level(d: Diagnostic): "error" | "warning" {
  return d.severity === "error" ? "error" : "warning";
}

function properties(d: Diagnostic): string {
  const ranged = d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column);
  return [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    ...(ranged ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : []),
    `title=${escapeProperty(d.rule)}`,
  ].join(",");
}

// Escaping as GitHub's toolkit does (@actions/core): data escapes %, CR, LF; properties also : and ,.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
