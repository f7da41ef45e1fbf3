import { ruleRows } from "../../engine/rule-info.js";
import { resolveConfigAndRuleFiles } from "../../engine/resolve-config.js";
import type { Io } from "../io.js";

/** `guard rules list`: id, kind, severity in this repo (after guard.yaml), source, description. */
export function runRulesList(flags: { format: string; config?: string }, io: Io): number {
  const rows = ruleRows(resolveConfigAndRuleFiles(io.cwd, flags.config));
  if (flags.format === "json") {
    io.stdout(`${JSON.stringify({ version: 1, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const width = (key: "id" | "kind" | "source") => Math.max(...rows.map((row) => row[key].length));
  const [id, kind, source] = [width("id"), width("kind"), width("source")];
  for (const row of rows) {
    io.stdout(`${row.id.padEnd(id)}  ${row.kind.padEnd(kind)}  ${row.severity.padEnd(5)}  ${row.source.padEnd(source)}  ${row.description}\n`);
  }
  return 0;
}
