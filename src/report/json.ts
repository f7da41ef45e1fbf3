import type { CheckResult, Diagnostic, RelatedLocation } from "../core/types.js";
import type { ReportContext } from "./types.js";

/**
 * The stable machine contract, version 1 (SPEC §5). Keys are picked one by one, in the
 * documented order, so nothing the engine adds later (skips, rule metadata, absolute
 * paths) leaks into it; timings only with `--timing`.
 */
export function formatJson(result: CheckResult, context: ReportContext): string {
  const { errors, warnings, filesChecked } = result.summary;
  const output = {
    version: 1,
    tool: { name: "guard", version: context.toolVersion },
    summary: { errors, warnings, filesChecked },
    diagnostics: result.diagnostics.map(toJson),
    ...(result.timing ? { timing: result.timing } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function toJson(d: Diagnostic): Diagnostic {
  return {
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    message: d.message,
    fix: d.fix,
    docs: d.docs,
    evidence: d.evidence,
    ...(d.related?.length ? { related: d.related.map(relatedToJson) } : {}),
    fingerprint: d.fingerprint,
  };
}

/** Undefined keys are left out by JSON.stringify, so a place without a line stays `{ file }`. */
function relatedToJson({ file, line, column, endLine, endColumn, message }: RelatedLocation): RelatedLocation {
  return { file, line, column, endLine, endColumn, message };
}
