import { docsOf, fixTemplate, type Rule } from "../checks/rule.js";
import { fingerprint } from "../core/fingerprint.js";
import { fillTemplate } from "../core/template.js";
import type { Diagnostic, Finding, Severity } from "../core/types.js";

/** Turns what a rule reported into a diagnostic: id, severity, message, fix, docs path. */
export function stamp(rule: Rule, severity: Severity, finding: Finding): Omit<Diagnostic, "fingerprint"> {
  const { meta } = rule;
  const template = meta.messages[finding.messageId as keyof typeof meta.messages];
  if (template === undefined) throw new Error(`${meta.id}: unknown message id "${finding.messageId}"`);
  const line = finding.line ?? 1;
  const column = finding.column ?? 1;
  const message = fillTemplate(template, finding.data);
  return {
    rule: meta.id,
    severity,
    file: finding.file,
    line,
    column,
    endLine: finding.endLine ?? line,
    endColumn: finding.endColumn ?? column,
    message,
    fix: fillTemplate(fixTemplate(meta, finding.messageId), finding.data),
    docs: docsOf(meta),
    evidence: finding.evidence ?? { message },
    ...(finding.related?.length ? { related: finding.related } : {}),
  };
}

export function compareDiagnostics(a: Omit<Diagnostic, "fingerprint">, b: Omit<Diagnostic, "fingerprint">): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** Code-unit order, not locale order, so every machine sorts the same way. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds fingerprints in sorted order; identical findings in one file are told apart by occurrence. */
export function withFingerprints(sorted: Omit<Diagnostic, "fingerprint">[]): Diagnostic[] {
  const seen = new Map<string, number>();
  return sorted.map((diagnostic) => {
    const base = fingerprint(diagnostic.rule, diagnostic.file, diagnostic.evidence, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const print = occurrence === 0 ? base : fingerprint(diagnostic.rule, diagnostic.file, diagnostic.evidence, occurrence);
    return { ...diagnostic, fingerprint: print };
  });
}
