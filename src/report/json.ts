import type { CheckResult } from "../core/types.js";
import type { ReportContext } from "./types.js";

/** The stable machine contract, version 1 (SPEC §5). No timings unless asked, no absolute paths. */
export function formatJson(result: CheckResult, context: ReportContext): string {
  const output = {
    version: 1,
    tool: { name: "guard", version: context.toolVersion },
    summary: result.summary,
    diagnostics: result.diagnostics,
    ...(result.timing ? { timing: result.timing } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
