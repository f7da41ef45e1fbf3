import { stringify } from "yaml";
import type { RuleExample } from "../config/rule-file-types.js";
import type { DraftRule } from "./types.js";

/**
 * A draft as the mapping a person would write (SPEC §4), keys in reading order: id, kind,
 * severity, where it applies, the kind's fields, then message, fix, why and examples. Empty
 * lists are left out (no `files:` means every file the kind looks at).
 */
export function ruleYamlObject(draft: DraftRule): Record<string, unknown> {
  const out: Record<string, unknown> = { id: draft.id, kind: draft.kind, severity: draft.severity };
  if (draft.files.length > 0) out.files = [...draft.files];
  if (draft.ignore.length > 0) out.ignore = [...draft.ignore];
  switch (draft.kind) {
    case "pattern":
      if (draft.pattern !== undefined) out.pattern = draft.pattern;
      if (draft.rule !== undefined) out.rule = draft.rule;
      if (draft.constraints !== undefined) out.constraints = draft.constraints;
      break;
    case "import":
      out.from = [...draft.from];
      out.forbid = [...draft.forbid];
      if (draft.allow.length > 0) out.allow = [...draft.allow];
      break;
    case "placement":
      out.match = [...draft.match];
      out.in = [...draft.in];
      break;
    case "co-change":
      out.when = [...draft.when];
      out.then = [...draft.then];
      break;
    case "text":
      out.regex = draft.regex;
      if (draft.flags) out.flags = draft.flags;
      break;
  }
  out.message = draft.message;
  out.fix = draft.fix;
  if (draft.why !== undefined) out.why = draft.why;
  const bad = draft.examples.bad.map((example) => exampleValue(draft.kind, example));
  const good = draft.examples.good.map((example) => exampleValue(draft.kind, example));
  if (bad.length > 0 || good.length > 0) out.examples = { ...(bad.length ? { bad } : {}), ...(good.length ? { good } : {}) };
  return out;
}

/** The YAML text of a rule file, after a first comment line saying where it came from. */
export function ruleYamlText(draft: DraftRule, comment: string): string {
  const body = stringify(ruleYamlObject(draft), { lineWidth: 0, minContentWidth: 0 });
  return `# ${comment}\n${body}`;
}

/** An example back in its written form: a snippet or `{ file, code }`, `{ file, import }`, a path, a list of paths. */
function exampleValue(kind: DraftRule["kind"], example: RuleExample): unknown {
  switch (kind) {
    case "pattern":
    case "text":
      return example.file !== undefined ? { file: example.file, code: example.code ?? "" } : (example.code ?? "");
    case "import":
      return { file: example.file ?? "", import: example.import ?? "" };
    case "placement":
      return example.file ?? "";
    case "co-change":
      return [...(example.changed ?? [])];
  }
}
