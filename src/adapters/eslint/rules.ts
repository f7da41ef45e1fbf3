import type { Rule } from "eslint";
import { lintWithGuard, type GuardCheck, type LintOutcome } from "./lint-file.js";

/** guard's message and fix in one ESLint message: an editor shows one line per problem. */
const FINDING = "{{message}} — fix: {{fix}}";
/** A rule file's id leads, since every rule file reports under guard/imports. */
const RULE_FILE_FINDING = "{{rule}}: {{message}} — fix: {{fix}}";
const CONFIG_ERROR = "guard cannot load its config, so {{check}} checks nothing: {{error}}";
const FAILED = "guard could not check this file ({{check}}): {{error}}";

/**
 * An ESLint rule that reports what `guard check` reports on the linted file (see lintWithGuard).
 * It reports on `Program`, once per file: the findings come from guard's own lexer and resolver,
 * not from ESLint's tree, which only gives the parse a language. A config guard cannot load, or
 * any other failure, is one problem on line 1 (an editor must never see a plugin throw on every
 * keystroke).
 */
function guardRule(check: GuardCheck, description: string, messages: Record<string, string>): Rule.RuleModule {
  return {
    meta: {
      type: "problem",
      docs: { description },
      schema: [],
      messages: { ...messages, config: CONFIG_ERROR, failed: FAILED },
    },
    create(context) {
      return {
        Program() {
          // The file on disk: a processor's code block (`README.md/0.js`) is no module of the graph.
          if (context.physicalFilename !== context.filename) return;
          let outcome: LintOutcome;
          try {
            outcome = lintWithGuard(check, context.filename, context.cwd, context.sourceCode.text);
          } catch (error) {
            // A bug of guard's, or a file system that fails under it: said once, in the file, not thrown at ESLint.
            context.report({ loc: { line: 1, column: 0 }, messageId: "failed", data: { check: `guard/${check}`, error: (error as Error).message } });
            return;
          }
          if ("configError" in outcome) {
            context.report({ loc: { line: 1, column: 0 }, messageId: "config", data: { check: `guard/${check}`, error: outcome.configError } });
            return;
          }
          for (const problem of outcome.problems) {
            context.report({
              loc: { start: { line: problem.line, column: problem.column - 1 }, end: { line: problem.endLine, column: problem.endColumn - 1 } },
              messageId: problem.messageId,
              data: { rule: problem.rule, message: problem.message, fix: problem.fix },
            });
          }
        },
      };
    },
  };
}

/** arch/layer and arch/deep-import on the linted file: guard's architecture rules that one file's imports decide. */
export const layersRule = guardRule("layers", "A file imports from a higher layer, or past a module's public entry (guard's arch/layer, arch/deep-import).", {
  upward: FINDING,
  crossCutting: FINDING,
  deep: FINDING,
});

/** The repo's `import` rule files on the linted file. */
export const importsRule = guardRule("imports", "A file imports what one of the repo's import rule files forbids.", { match: RULE_FILE_FINDING });
