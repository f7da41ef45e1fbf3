/** Shared vocabulary of every layer: severities, findings, diagnostics. No I/O here. */

export type Severity = "error" | "warn";
export type SeveritySetting = Severity | "off";

/** A place in a repo file. Lines and columns are 1-based. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Partial<Position> {
  file: string;
  message?: string;
}

export type Evidence = Record<string, string | number | boolean | string[]>;

/** What a rule reports: where and what. The engine stamps the rest. */
export interface Finding extends Partial<Position> {
  file: string;
  messageId: string;
  data?: Record<string, string | number>;
  evidence?: Evidence;
  related?: RelatedLocation[];
}

/** A finding after the engine stamped it: the JSON v1 diagnostic. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix: string;
  docs: string;
  evidence: Evidence;
  related?: RelatedLocation[];
  fingerprint: string;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  filesChecked: number;
}

export interface CheckResult {
  summary: CheckSummary;
  diagnostics: Diagnostic[];
  /** Rule metadata of the rules that ran, for formatters that list rules (SARIF). */
  rules: RuleDescriptor[];
  /** Files that could not be read as text (binary, huge, symlink out of the repo), with why. */
  skipped: { file: string; reason: string }[];
  timing?: { totalMs: number; rules: Record<string, number> };
}

export interface RuleDescriptor {
  id: string;
  description: string;
  severity: Severity;
  fix: string;
  docs: string;
}
