import type { PatternRuleFile, RuleExample } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";
import { compilePattern } from "./pattern-compile.js";
import { describeMatch } from "./pattern-finding.js";
import { hasSyntaxError, languageOf, loadAstGrep, parseSource, type AstGrep, type Language } from "./pattern-lang.js";
import { patternOutcomes } from "./pattern-scan.js";

/**
 * The pattern kind (SPEC §4): an ast-grep pattern or rule object over TypeScript, TSX and
 * JavaScript files. Every pattern rule of a run shares one pass over the repo (pattern-scan.ts).
 */
const kind: Kind<PatternRuleFile> = {
  async check({ spec, workspace, report }) {
    const astGrep = await loadAstGrep();
    const outcome = (await patternOutcomes(workspace, astGrep, spec)).get(spec)!;
    if ("error" in outcome) throw outcome.error;
    for (const finding of outcome.findings) report(finding);
  },

  async runExample(spec, example) {
    const astGrep = await loadAstGrep();
    const compiled = compilePattern(astGrep, spec);
    if (example.file !== undefined && !compiled.selects(example.file)) {
      return { fired: false, detail: `${example.file} is not a file the rule applies to (see its files and ignore)` };
    }
    const language = exampleLanguage(astGrep, example);
    if (!language) return { fired: false, detail: `${example.file} is not a TypeScript or JavaScript file` };
    const matcher = compiled.matchers[language];
    if (!matcher) return { fired: false, detail: `no match: the pattern is not valid ${language} code` };
    const root = parseSource(astGrep, language, example.code ?? "");
    const match = root?.root().find(matcher.config);
    return match ? { fired: true, detail: describeMatch(match) } : { fired: false, detail: "no match" };
  },
};
export default kind;

/**
 * The example's language: from its file's extension when it names one; a bare snippet is
 * TypeScript, or TSX when it only parses as TSX (JSX such as `<div onClick={…} />`).
 */
function exampleLanguage(astGrep: AstGrep, example: RuleExample): Language | undefined {
  if (example.file !== undefined) return languageOf(example.file);
  const code = example.code ?? "";
  const typescript = parseSource(astGrep, "TypeScript", code);
  if (!typescript || !hasSyntaxError(typescript)) return "TypeScript";
  const tsx = parseSource(astGrep, "Tsx", code);
  return tsx && !hasSyntaxError(tsx) ? "Tsx" : "TypeScript";
}
