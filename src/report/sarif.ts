import type { CheckResult, Diagnostic } from "../core/types.js";
import type { ReportContext } from "./types.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const REPO_URL = "https://github.com/harness-guard/harness-guard";

/** SARIF 2.1.0 for code scanning: rules in tool.driver.rules, partialFingerprints per result. */
export function formatSarif(result: CheckResult, context: ReportContext): string {
  const ruleIds = [...new Set([...result.rules.map((r) => r.id), ...result.diagnostics.map((d) => d.rule)])].sort();
  const descriptors = new Map(result.rules.map((r) => [r.id, r]));
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "guard",
            semanticVersion: context.toolVersion,
            informationUri: REPO_URL,
            rules: ruleIds.map((id) => {
              const rule = descriptors.get(id);
              return {
                id,
                name: ruleName(id),
                shortDescription: { text: sentence(rule?.description ?? id) },
                fullDescription: { text: sentence(rule?.description ?? id) },
                help: { text: `${sentence(genericFix(rule?.fix ?? ""))} See ${rule?.docs ?? `rules/${id}.md`}.`.trim() },
                // A repo's own rule file has no page on our site; its help text names the file.
                ...(rule?.docs === undefined || rule.docs === `rules/${id}.md` ? { helpUri: `${REPO_URL}/blob/main/rules/${id}.md` } : {}),
                defaultConfiguration: { level: level(rule?.severity ?? "error") },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: "The repository root." } } },
        // Columns come from JavaScript string offsets (the Markdown parser's), i.e. UTF-16 code units.
        columnKind: "utf16CodeUnits",
        results: result.diagnostics.map((d) => toResult(d, ruleIds.indexOf(d.rule))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(d: Diagnostic, ruleIndex: number) {
  return {
    ruleId: d.rule,
    ruleIndex,
    level: level(d.severity),
    message: { text: d.fix ? `${sentence(d.message)} Fix: ${sentence(d.fix)}` : sentence(d.message) },
    locations: [location(d.file, d)],
    ...(d.related?.length
      ? {
          relatedLocations: d.related.map((place, id) => ({
            id,
            ...location(place.file, place),
            ...(place.message ? { message: { text: sentence(place.message) } } : {}),
          })),
        }
      : {}),
    partialFingerprints: { "guardFingerprint/v1": d.fingerprint },
  };
}

/**
 * A region with an end only when the finding covers a real range; otherwise SARIF reads
 * `startLine`/`startColumn` alone as "from here to the end of the line", not an empty span.
 */
function location(file: string, place: { line?: number; column?: number; endLine?: number; endColumn?: number }) {
  const line = place.line ?? 1;
  const column = place.column ?? 1;
  const endLine = place.endLine ?? line;
  const endColumn = place.endColumn ?? column;
  const ranged = endLine > line || (endLine === line && endColumn > column);
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: "SRCROOT" },
      region: { startLine: line, startColumn: column, ...(ranged ? { endLine, endColumn } : {}) },
    },
  };
}

function level(severity: string): "error" | "warning" {
  return severity === "error" ? "error" : "warning";
}

/** `docs/dead-link` → `DocsDeadLink` (SARIF names are identifiers). */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** A rule's fix is a template; outside one finding, `{file}` reads better as `<file>`. */
function genericFix(template: string): string {
  return template.replace(/\{(\w+)\}/g, "<$1>");
}

/** SARIF's validator wants messages that end like sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
