import { allRules } from "../../checks/registry.js";
import { resolveConfig } from "../../engine/resolve-config.js";
import type { Io } from "../io.js";

/** `guard rules list`: id, kind, severity in this repo, source. */
export function runRulesList(flags: { format: string; config?: string }, io: Io): number {
  const config = resolveConfig(io.cwd, flags.config);
  const rows = allRules.map((rule) => ({
    id: rule.meta.id,
    kind: "built-in",
    severity: config.rules[rule.meta.id]?.severity ?? rule.meta.severity,
    source: `rules/${rule.meta.id}.md`,
    description: rule.meta.description,
  }));
  if (flags.format === "json") {
    io.stdout(`${JSON.stringify({ version: 1, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    io.stdout(`${row.id.padEnd(width)}  ${row.kind}  ${row.severity.padEnd(5)}  ${row.source}  ${row.description}\n`);
  }
  return 0;
}
