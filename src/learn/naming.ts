import type { Evidence } from "./types.js";

/**
 * Names and phrases of learned rules. Ids follow `learned/no-<callee-or-module>-in-<area>`
 * (SPEC §6): `learned/no-moment-in-domain`, `learned/no-debugger-in-src`; a rule over every
 * file has no area: `learned/no-debugger`. The writer picks a free name when one is taken.
 */

/** `toLocaleDateString` → `to-locale-date-string`; `@scope/pkg` → `scope-pkg`; at most 40 characters. */
export function kebab(text: string): string {
  const words = text
    .replace(/\$+[A-Z_][A-Z0-9_]*/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = "";
  for (const word of words) {
    if (id && id.length + word.length + 1 > 40) break;
    id = id ? `${id}-${word}` : word.slice(0, 40);
  }
  return id;
}

/** `learned/<verb>-<subject>-in-<area>`; the subject falls back to `mistake` when it has no word. */
export function ruleId(subject: string, area: string | undefined, verb = "no"): string {
  const what = kebab(subject) || "mistake";
  const where = area === undefined ? "" : kebab(area);
  return `learned/${verb}-${what}${where ? `-in-${where}` : ""}`;
}

/** How a message names the fix: `a3f9c1e (Replace moment with native Date)`, or the diff's name. */
export function fixReference(evidence: Evidence): string {
  return evidence.subject ? `${evidence.label} (${evidence.subject})` : evidence.label;
}

/** `why`: "Learned 2024-05-02 from a3f9c1e: Replace moment with native Date". */
export function whyLine(evidence: Evidence): string {
  return `Learned ${evidence.date} from ${evidence.label}${evidence.subject ? `: ${evidence.subject}` : ""}`;
}

/** A snippet for a message: one line, at most 80 characters. */
export function snippet(code: string): string {
  const line = code.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
