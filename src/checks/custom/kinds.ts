import type { RuleFile, RuleFileKind } from "../../config/rule-file-types.js";
import appendOnly from "./append-only.js";
import coChange from "./co-change.js";
import importKind from "./import.js";
import jsonFields from "./json-fields.js";
import type { Kind } from "./kind.js";
import pattern from "./pattern.js";
import placement from "./placement.js";
import text from "./text.js";

/** Each kind of rule file and its implementation. */
export const kinds: { [K in RuleFileKind]: Kind<Extract<RuleFile, { kind: K }>> } = {
  pattern,
  import: importKind,
  placement,
  "co-change": coChange,
  text,
  "json-fields": jsonFields,
  "append-only": appendOnly,
};

export function kindOf<File extends RuleFile>(spec: File): Kind<File> {
  return kinds[spec.kind] as unknown as Kind<File>;
}
