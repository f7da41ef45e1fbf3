import type { CoChangeRuleFile, RuleExample } from "../../config/rule-file-types.js";
import { globMatcher } from "../../repo/glob.js";
import type { Kind } from "./kind.js";

/** Compiled once per rule: which changed files call for a companion change, and what counts as one. */
interface CoChange {
  triggers(file: string): boolean;
  satisfies(file: string): boolean;
}

function compile(spec: CoChangeRuleFile): CoChange {
  const when = globMatcher(spec.when);
  const files = spec.files.length ? globMatcher(spec.files) : () => true;
  const ignore = globMatcher(spec.ignore);
  return { triggers: (file) => when(file) && files(file) && !ignore(file), satisfies: globMatcher(spec.then) };
}

/** The `then` globs as one phrase for messages and evidence. */
function thenList(spec: CoChangeRuleFile): string {
  return spec.then.join(", ");
}

/**
 * `co-change`: when a change (`--staged`, `--since`, `--commit`) touches a file matching `when`
 * (and `files`, minus `ignore`), it must also touch a file matching `then` — e.g. `src/api/**`
 * → `docs/api.md`. One finding per triggering file, at its first line (a deleted file is still
 * named). A whole-tree run has no change, so the rule is quiet.
 */
const kind: Kind<CoChangeRuleFile> = {
  check({ spec, workspace, report }) {
    const changed = workspace.change?.files;
    if (!changed || changed.size === 0) return;
    const rule = compile(spec);
    const files = [...changed].sort();
    if (files.some(rule.satisfies)) return;
    const then = thenList(spec);
    for (const file of files) {
      if (!rule.triggers(file)) continue;
      report({ file, line: 1, column: 1, data: { file, then }, evidence: { then: spec.then } });
    }
  },
  runExample(spec: CoChangeRuleFile, example: RuleExample) {
    const changed = example.changed ?? [];
    const rule = compile(spec);
    const trigger = changed.find(rule.triggers);
    if (!trigger) return { fired: false, detail: `no changed file matches \`when\`${spec.files.length || spec.ignore.length ? " (within `files`, outside `ignore`)" : ""}` };
    const companion = changed.find(rule.satisfies);
    if (companion) return { fired: false, detail: `${trigger} changed together with ${companion}` };
    return { fired: true, detail: `${trigger} changed without any file matching ${thenList(spec)}` };
  },
};
export default kind;
