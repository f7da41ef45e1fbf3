import type { CheckResult } from "../core/types.js";

/** GitHub Actions workflow commands: one `::error` / `::warning` line per finding. */
export function formatGithub(result: CheckResult): string {
  return result.diagnostics
    .map((d) => {
      const level = d.severity === "error" ? "error" : "warning";
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.rule)}`,
      ].join(",");
      return `::${level} ${properties}::${escapeData(`${d.message} — fix: ${d.fix}`)}\n`;
    })
    .join("");
}

// Escaping as GitHub's toolkit does (@actions/core): data escapes %, CR, LF; properties also : and ,.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
