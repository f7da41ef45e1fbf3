import type { RuleFile } from "../../config/rule-file-types.js";
import type { Rule } from "../rule.js";
import { kindOf } from "./kinds.js";

/** The one message id of a rule file: its `message:`. */
const MESSAGE_ID = "match";

/** Kinds whose findings always say what changed (`{change}`): the path or line, old and new value. */
const CHANGE_DETAIL_KINDS: ReadonlySet<string> = new Set(["json-fields", "append-only"]);

/** The message; for json-fields and append-only it ends with `({change})` unless it shows `{change}` itself. */
function messageTemplate(spec: RuleFile): string {
  const message = spec.message.trim();
  return CHANGE_DETAIL_KINDS.has(spec.kind) && !message.includes("{change}") ? `${message} ({change})` : message;
}

/**
 * Turns a loaded rule file into a Rule the engine runs like a built-in one: severity from the
 * file (guard.yaml `rules:` may override; `off` is applied by selectRules), message and fix
 * from the file, docs = the file itself.
 */
export function ruleFromFile(spec: RuleFile): Rule {
  return {
    meta: {
      id: spec.id,
      description: spec.message.split("\n")[0]!.trim(),
      severity: spec.severity,
      messages: { [MESSAGE_ID]: messageTemplate(spec) },
      fix: spec.fix.trim(),
      docs: spec.source,
      origin: { kind: spec.kind, source: spec.source },
      importGraph: spec.kind === "import",
    },
    check({ workspace, report }) {
      return kindOf(spec).check({ spec, workspace, report: (finding) => report({ ...finding, messageId: MESSAGE_ID }) });
    },
  };
}
