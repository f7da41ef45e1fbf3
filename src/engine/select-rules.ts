import type { CatalogRule } from "../checks/blocks/types.js";
import { docsOf, type Rule } from "../checks/rule.js";
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";
import type { Finding, Severity } from "../core/types.js";

export interface SelectedRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** A finding as a rule reported it, before suppressions, stamping and scope. */
export interface RawFinding {
  selected: SelectedRule;
  finding: Finding;
}

/**
 * The rules a run executes: on in the config, and matching `--only` when given
 * (an id, a family such as `docs`, or `docs/*`).
 */
export function selectRules(all: readonly Rule[], config: ResolvedConfig, only: readonly string[] | undefined): SelectedRule[] {
  const ids = all.map((rule) => rule.meta.id);
  const families = [...new Set(ids.map((id) => id.split("/")[0]!))];
  const wanted = only?.flatMap((entry) => entry.split(",")).map((entry) => entry.trim()).filter(Boolean);
  for (const entry of wanted ?? []) {
    const family = entry.replace(/\/\*$/, "");
    if (!ids.includes(entry) && !families.includes(family)) {
      throw new UsageError(`--only: unknown rule "${entry}"`, {
        expected: "a rule id (docs/dead-link) or a family (docs)",
        suggestion: didYouMean(entry, [...ids, ...families]) ?? "run `guard rules list` to see every rule id",
      });
    }
  }
  const selected: SelectedRule[] = [];
  for (const rule of all) {
    const id = rule.meta.id;
    if (wanted && !wanted.some((entry) => entry === id || entry.replace(/\/\*$/, "") === id.split("/")[0])) continue;
    const setting = config.rules[id];
    // arch/* reads the import graph: on where `layers` is set (SPEC §8), or where a rule is named.
    if (id.startsWith("arch/") && config.layers.length === 0 && setting?.severity === undefined) continue;
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === "off") continue;
    selected.push({ rule, severity, options: setting?.options ?? {} });
  }
  return selected;
}

/** The rule that judges changes to guard's own config; the change it judges must not turn it off. */
const WEAKENED_RULE = "guard/weakened";

/**
 * With a change to judge (`--staged`, `--since`, `--commit`), guard/weakened runs even where the
 * config (as changed) sets it off: otherwise a change could silence it and weaken guard in one
 * step. The rule itself stays quiet when the config before the change had it off too.
 */
export function withWeakenedGuard(selected: SelectedRule[], all: readonly Rule[], only: readonly string[] | undefined): SelectedRule[] {
  if (selected.some((entry) => entry.rule.meta.id === WEAKENED_RULE)) return selected;
  const wanted = only?.flatMap((entry) => entry.split(",")).map((entry) => entry.trim().replace(/\/\*$/, ""));
  if (wanted && !wanted.some((entry) => entry === WEAKENED_RULE || entry === "guard")) return selected;
  const rule = all.find((candidate) => candidate.meta.id === WEAKENED_RULE);
  const severity = rule?.meta.severity;
  if (!rule || severity === undefined || severity === "off") return selected;
  return [...selected, { rule, severity, options: {} }];
}

/**
 * Every rule with the severity it has in this repo (`off` when the config turns it off or it
 * would not run, as arch/* without layers), whatever `--only` says: the `rules` generated block
 * lists the repo's rules, not one run's.
 */
export function ruleCatalog(all: readonly Rule[], config: ResolvedConfig): CatalogRule[] {
  const on = new Map(selectRules(all, config, undefined).map((entry) => [entry.rule.meta.id, entry.severity]));
  return all.map((rule) => ({ id: rule.meta.id, severity: on.get(rule.meta.id) ?? "off", description: rule.meta.description, docs: docsOf(rule.meta) }));
}
