import type { JsonFieldsRuleFile, RuleExample } from "../../config/rule-file-types.js";
import { parseJsonPath, type JsonPathStep } from "../../core/json-path.js";
import { changedFiles } from "./change-sides.js";
import { jsonViolations, type JsonFieldsPolicy } from "./json-diff.js";
import { jsonValueOffsets, lineColumnOf, placeOfLocation } from "./json-positions.js";
import type { Kind, KindFinding } from "./kind.js";

/** The rule's paths and transitions, compiled (the rule file was validated when it was loaded). */
function policyOf(spec: JsonFieldsRuleFile): JsonFieldsPolicy {
  const mutable = spec.mutable.map((text) => {
    const steps = (parseJsonPath(text) as { steps: JsonPathStep[] }).steps;
    const last = steps[steps.length - 1];
    const name = last && "key" in last ? last.key : undefined;
    const transitions = spec.transitions[text] ?? (name === undefined ? undefined : spec.transitions[name]);
    return { text, steps, ...(transitions ? { transitions } : {}) };
  });
  return { mutable, allowRemove: spec.allowRemove };
}

type Place = Omit<KindFinding, "file" | "data" | "evidence">;

/** The violations of one file's change, each with its place in the new text; a malformed new side is one finding. */
function judge(policy: JsonFieldsPolicy, before: string | null, after: string | null): { place: Place; change: string; path: string }[] {
  if (before === null) return []; // a new file: nothing to keep
  if (after === null) return policy.allowRemove ? [] : [{ place: { line: 1, column: 1 }, change: "the file was deleted", path: "$" }];
  const old = parse(before);
  if (!("value" in old)) return []; // it was not JSON before: nothing to compare with
  const now = parse(after);
  if (!("value" in now)) return [{ place: lineColumnOf(after, now.offset), change: `the file is not valid JSON: ${now.error}`, path: "$" }];
  try {
    const violations = jsonViolations(old.value, now.value, policy);
    if (violations.length === 0) return [];
    const offsets = jsonValueOffsets(after);
    return violations.map((violation) => ({
      place: placeOfLocation(after, offsets, violation.location),
      change: violation.change,
      path: violation.change.split(" ")[0]!,
    }));
  } catch (error) {
    // JSON nested deeper than MAX_JSON_DEPTH (or the stack): skip the file rather than guess (or crash).
    if (error instanceof RangeError) return [];
    throw error;
  }
}

function parse(text: string): { value: unknown } | { error: string; offset: number } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : 0;
    return { error: message.split("\n")[0]!, offset };
  }
}

/**
 * `json-fields`: in a change (`--staged`, `--since`, `--commit`), the JSON files `files` may
 * alter only the locations listed in `mutable`, only in the directions of `transitions`, and
 * may not remove entries (or the file) unless `allowRemove`. One finding per violation, at the
 * changed value in the new text. A new file, an old side that was not JSON, and a whole-tree
 * run are quiet.
 */
const kind: Kind<JsonFieldsRuleFile> = {
  check({ spec, workspace, report }) {
    const policy = policyOf(spec);
    for (const { file, before, after } of changedFiles(workspace, spec.files, spec.ignore)) {
      if (before === undefined || after === undefined) continue;
      for (const { place, change, path } of judge(policy, before, after)) {
        report({ file, ...place, data: { file, change, path }, evidence: { path, change } });
      }
    }
  },
  runExample(spec: JsonFieldsRuleFile, example: RuleExample) {
    const found = judge(policyOf(spec), example.before ?? null, example.after ?? null);
    if (found.length === 0) return { fired: false, detail: "every change is allowed" };
    return { fired: true, detail: `${found[0]!.place.line}:${found[0]!.place.column}: ${found[0]!.change}` };
  },
};
export default kind;
