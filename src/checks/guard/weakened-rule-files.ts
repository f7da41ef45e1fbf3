import { isLower, parseLenient, severityOf, stringList, weakening, type LenientYaml, type Weakening } from "./weakened-yaml.js";

const RULE_FILE = /\.ya?ml$/i;

/** Fields where an added entry lets more through (`ignore`, an import rule's `allow`, a placement's `in`, a co-change's `then`, a json-fields rule's `mutable`). */
const ADDING_WEAKENS = ["ignore", "allow", "in", "then", "mutable"];
/** Fields where a removed entry makes the rule look at less (`files`, `from`, `forbid`, `match`, `when`). */
const REMOVING_WEAKENS = ["files", "from", "forbid", "match", "when"];

export interface RuleFileSides {
  /** Rule files (and whatever else) under the base side's rule dirs: path → text. */
  base: Map<string, string | undefined>;
  /** The same folders on the changed side. */
  head: Map<string, string | undefined>;
}

/** What a change to the rule files does to make guard quieter: a file deleted, a severity lowered, a glob list loosened. */
export function compareRuleFiles({ base, head }: RuleFileSides): Weakening[] {
  const found: Weakening[] = [];
  const added = [...head].filter(([path]) => !base.has(path) && RULE_FILE.test(path));
  for (const [path, before] of base) {
    if (!RULE_FILE.test(path)) continue;
    const baseYaml = parseLenient(before, path);
    if (severityOf(baseYaml?.value.severity) === "off") continue; // an off rule checked nothing
    if (!head.has(path)) {
      // Moved within the rule dirs with the same content: a new id, not fewer checks.
      if (before !== undefined && added.some(([, text]) => text === before)) continue;
      found.push({ file: path, line: 1, column: 1, messageId: "deleted", data: { what: "rule file", file: path }, evidence: { change: "deleted", file: path } });
      continue;
    }
    const headYaml = parseLenient(head.get(path), path);
    if (!baseYaml || !headYaml) continue;
    const from = severityOf(baseYaml.value.severity) ?? "error";
    const to = severityOf(headYaml.value.severity) ?? "error";
    if (isLower(to, from)) found.push(weakening(headYaml, ["severity"], "lowered", { key: "severity", from, to }));
    for (const field of ADDING_WEAKENS) {
      const was = stringList(baseYaml.value[field]) ?? [];
      const now = stringList(headYaml.value[field]) ?? [];
      now.forEach((entry, index) => {
        if (was.includes(entry)) return;
        const at = Array.isArray(headYaml.value[field]) ? [field, index] : [field];
        found.push(weakening(headYaml, at, "added", { key: field, entry }));
      });
    }
    found.push(...looserTransitions(baseYaml, headYaml));
    // json-fields: removing entries (or the file) allowed where it was not.
    if (headYaml.value.allowRemove === true && baseYaml.value.allowRemove !== true) {
      found.push(weakening(headYaml, ["allowRemove"], "raised", { key: "allowRemove", from: "false", to: "true" }));
    }
    for (const field of REMOVING_WEAKENS) {
      const was = stringList(baseYaml.value[field]) ?? [];
      const now = stringList(headYaml.value[field]) ?? [];
      // `files` emptied means "every file": wider, not narrower.
      if (field === "files" && now.length === 0) continue;
      for (const entry of was.filter((item) => !now.includes(item))) {
        found.push(weakening(headYaml, [field], "removed", { key: field, entry }, true));
      }
    }
  }
  return found;
}

/**
 * json-fields `transitions`: a `[from, to]` pair added to a field's list allows one more
 * direction; a field's list removed allows every direction. (Transitions for a field that had
 * none restrict it: stricter, not reported.)
 */
function looserTransitions(baseYaml: LenientYaml, headYaml: LenientYaml): Weakening[] {
  const was = mapping(baseYaml.value.transitions);
  const now = mapping(headYaml.value.transitions);
  const found: Weakening[] = [];
  for (const [field, pairs] of Object.entries(was)) {
    if (!Array.isArray(pairs)) continue;
    const after = now[field];
    if (after === undefined) {
      found.push(weakening(headYaml, ["transitions"], "removed", { key: "transitions", entry: field }, true));
      continue;
    }
    if (!Array.isArray(after)) continue;
    const known = new Set(pairs.map((pair) => JSON.stringify(pair)));
    after.forEach((pair, index) => {
      if (!known.has(JSON.stringify(pair))) found.push(weakening(headYaml, ["transitions", field, index], "added", { key: `transitions.${field}`, entry: JSON.stringify(pair) }));
    });
  }
  return found;
}

function mapping(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
