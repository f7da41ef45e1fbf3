import type { ImportRuleFile } from "../../config/rule-file-types.js";
import type { ImportEdge } from "../../graph/types.js";
import type { Captures } from "./import-captures.js";
import { compileImportRule, type CompiledImportRule } from "./import-rule.js";
import { targetOfEdge, targetOfExample } from "./import-target.js";
import type { Kind, KindFinding } from "./kind.js";

/**
 * The import kind (SPEC §4): files matching `from` (and `files`, minus `ignore`) must not import
 * what `forbid` names unless `allow` names it too. A `{name}` segment in `from` captures a
 * folder name that `forbid`/`allow` reuse, so sibling features stay apart:
 * `from: src/features/{f}/**`, `forbid: src/features/*\/**`, `allow: src/features/{f}/**`.
 *
 * Entries name repo files by glob, and packages by name (`moment` covers `moment/locale/fr`,
 * not `moment-timezone`; `fs` and `node:fs` are one module): see import-entries.ts for the
 * exact reading. Every import counts, type-only ones too: `import type` from a forbidden
 * module is still a dependency on it. The rule reads the run's one import graph, shared with
 * the arch/* rules, so aliases and workspace packages resolve as TypeScript resolves them.
 */
const kind: Kind<ImportRuleFile> = {
  async check({ spec, workspace, report }) {
    const rule = compileImportRule(spec);
    const graph = await workspace.importGraph();
    for (const file of graph.files) {
      const captures = rule.select(file);
      if (!captures) continue;
      for (const edge of graph.importsOf(file)) {
        const finding = importFinding(rule, file, captures, edge);
        if (finding) report(finding);
      }
    }
  },

  runExample(spec, example) {
    const file = example.file ?? "";
    const written = example.import ?? "";
    const rule = compileImportRule(spec);
    const whyNot = rule.whyNot(file);
    if (whyNot) return { fired: false, detail: `${file} ${whyNot}` };
    const captures = rule.select(file)!;
    const target = targetOfExample(file, written);
    if (!target) return { fired: false, detail: `\`${written}\` leads outside the repository` };
    const { forbiddenBy, allowedBy } = rule.judge(target, captures);
    const imports = `${file}${describeCaptures(captures)} imports \`${written}\``;
    if (forbiddenBy === undefined) return { fired: false, detail: `${imports}, which no \`forbid\` entry names` };
    if (allowedBy !== undefined) return { fired: false, detail: `${imports}: forbidden by \`${forbiddenBy}\` but allowed by \`${allowedBy}\`` };
    return { fired: true, detail: `${imports}, forbidden by \`${forbiddenBy}\`` };
  },
};
export default kind;

/**
 * The import kind's judgement of one import of `file` (which the rule selected, with these
 * captures): the finding when a `forbid` entry names its target and no `allow` entry does.
 * The kind (over the whole graph) and the ESLint plugin (over one file's text) both call this.
 */
export function importFinding(rule: CompiledImportRule, file: string, captures: Captures, edge: ImportEdge): KindFinding | undefined {
  const target = targetOfEdge(edge);
  if (!target) return undefined;
  const verdict = rule.judge(target, captures);
  if (verdict.forbiddenBy === undefined || verdict.allowedBy !== undefined) return undefined;
  return {
    file,
    line: edge.line,
    column: edge.column,
    endLine: edge.endLine,
    endColumn: edge.endColumn,
    data: { ...captures, specifier: edge.specifier, target: target.name, from: file },
    evidence: { target: target.key },
    ...(target.path === undefined ? {} : { related: [{ file: target.path, line: 1, column: 1, message: "the imported file" }] }),
  };
}

/** ` ({f} = a)`: the folder names `from` captured, which `forbid`/`allow` entries reuse. */
function describeCaptures(captures: Captures): string {
  const names = Object.entries(captures).map(([name, value]) => `{${name}} = ${value}`);
  return names.length > 0 ? ` (${names.join(", ")})` : "";
}
