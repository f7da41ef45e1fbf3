import type { AppendOnlyRuleFile, RuleExample } from "../../config/rule-file-types.js";
import { appendViolation } from "./append-only-compare.js";
import { changedFiles } from "./change-sides.js";
import type { Kind } from "./kind.js";

/**
 * `append-only`: in a change (`--staged`, `--since`, `--commit`), the files `files` may only
 * grow at their end (a progress log, a decision log). An edited or deleted line, or the file
 * deleted, fires once per file at the first such line; a new file is fine. A whole-tree run
 * has no change and is quiet; so is a side that is binary or too large to read.
 */
const kind: Kind<AppendOnlyRuleFile> = {
  check({ spec, workspace, report }) {
    for (const { file, before, after } of changedFiles(workspace, spec.files, spec.ignore)) {
      if (before === undefined || after === undefined) continue;
      const violation = appendViolation(before, after);
      if (!violation) continue;
      report({ file, line: violation.line, column: 1, data: { file, change: violation.change }, evidence: { change: violation.change } });
    }
  },
  runExample(_spec: AppendOnlyRuleFile, example: RuleExample) {
    const violation = appendViolation(example.before ?? null, example.after ?? null);
    return violation ? { fired: true, detail: `line ${violation.line}: ${violation.change}` } : { fired: false, detail: "the new text only adds to the end of the old one" };
  },
};
export default kind;
