import { posix } from "node:path";
import { code, table } from "./table.js";
import type { CatalogRule, Rendered } from "./types.js";

/**
 * The `rules` block: the rules this repo runs, with their severity and one line each. With the
 * argument `all`, every rule, the ones that are off included. A rule id links to its doc page
 * (relative to the file holding the block) when that page is in the repo, as the built-in pages
 * are in guard's own repo and a rule file always is.
 */
export function renderRules(file: string, args: readonly string[], rules: readonly CatalogRule[], hasFile: (path: string) => boolean): Rendered {
  if (args.length > 1 || (args.length === 1 && args[0] !== "all")) return { problem: `takes no argument or \`all\`, not "${args.join(" ")}"` };
  const shown = args[0] === "all" ? rules : rules.filter((rule) => rule.severity !== "off");
  if (shown.length === 0) return { lines: ["No rule is on."] };
  const folder = posix.dirname(file);
  const rows = shown.map((rule) => [
    hasFile(rule.docs) ? `[${rule.id}](${posix.relative(folder, rule.docs)})` : code(rule.id),
    rule.severity,
    rule.description,
  ]);
  return { lines: table(["rule", "severity", "fails when"], rows) };
}
