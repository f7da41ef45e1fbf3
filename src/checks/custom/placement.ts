import type { PlacementRuleFile, RuleExample } from "../../config/rule-file-types.js";
import { globMatcher } from "../../repo/glob.js";
import type { Kind } from "./kind.js";

/** Compiled once per rule: which files the rule is about, and where they may live. */
interface Placement {
  concerns(file: string): boolean;
  /** Why the rule is not about this file, or undefined when it is. */
  whyNot(file: string): string | undefined;
  allowed(file: string): boolean;
}

function compile(spec: PlacementRuleFile): Placement {
  const match = globMatcher(spec.match);
  const files = spec.files.length ? globMatcher(spec.files) : () => true;
  const ignore = globMatcher(spec.ignore);
  const allowed = globMatcher(spec.in.flatMap(underFolder));
  const whyNot = (file: string): string | undefined =>
    !match(file) ? "matches no `match` glob" : !files(file) ? "is outside `files`" : ignore(file) ? "is in `ignore`" : undefined;
  return { concerns: (file) => whyNot(file) === undefined, whyNot, allowed };
}

/** `in: [src/lib]` written as a plain folder means everything under it, as `src/lib/**` does. */
function underFolder(entry: string): string[] {
  if (/[*?[\]{}()!]/.test(entry)) return [entry];
  const folder = entry.replace(/^\.\//, "").replace(/\/+$/, "");
  return [folder, `${folder}/**`];
}

/** `placement`: every file matching `match` (and `files`, minus `ignore`) must live under one of `in`. */
const kind: Kind<PlacementRuleFile> = {
  check({ spec, workspace, report }) {
    const placement = compile(spec);
    for (const file of workspace.repo.files) {
      if (!placement.concerns(file) || placement.allowed(file)) continue;
      report({ file, line: 1, column: 1, data: { file }, evidence: { file } });
    }
  },
  runExample(spec: PlacementRuleFile, example: RuleExample) {
    const file = example.file ?? "";
    const placement = compile(spec);
    const whyNot = placement.whyNot(file);
    if (whyNot) return { fired: false, detail: `${file} ${whyNot}` };
    if (placement.allowed(file)) return { fired: false, detail: `${file} is under an \`in\` glob` };
    return { fired: true, detail: `${file} matches \`match\` and is not under any \`in\` glob` };
  },
};
export default kind;
