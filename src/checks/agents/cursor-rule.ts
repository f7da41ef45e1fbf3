import { closest } from "../../core/suggest.js";
import { defineRule } from "../rule.js";
import { locateCursorFrontMatter } from "../front-matter/cursor.js";
import { describeValue } from "../front-matter/types.js";

/** Cursor also reads rules from `.cursor/rules` folders nested in a monorepo's packages. */
const CURSOR_RULES = ["**/.cursor/rules/**/*.mdc"];

const isGlobList = (value: unknown) =>
  typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"));

/** The keys Cursor reads; an empty value (`globs:`) is how Cursor itself writes "none". */
const KEYS: Record<string, { expected: string; sample: string; accepts(value: unknown): boolean }> = {
  description: { expected: "a string", sample: "Use when changing the API handlers", accepts: (v) => typeof v === "string" },
  globs: { expected: "a comma-separated string of globs or a list of globs", sample: "src/**/*.ts, test/**/*.ts", accepts: isGlobList },
  alwaysApply: { expected: "true or false, unquoted", sample: "false", accepts: (v) => typeof v === "boolean" },
};
const KEY_NAMES = Object.keys(KEYS);

export default defineRule({
  meta: {
    id: "agents/cursor-rule",
    description: "A .cursor/rules/*.mdc file has invalid front-matter.",
    severity: "error",
    markdown: (workspace) => workspace.repo.glob(CURSOR_RULES),
    messages: {
      noFrontMatter: "{file} has no front-matter; Cursor decides when to apply a rule from its `description`, `globs` and `alwaysApply`",
      unclosed: "{file} opens front-matter with `---` but never closes it",
      invalid: "the front-matter of {file} cannot be read: {error}",
      unknownKey: "unknown front-matter key `{key}` in {file}; Cursor reads only `description`, `globs` and `alwaysApply`",
      misspelledKey: "unknown front-matter key `{key}` in {file}; did you mean `{suggestion}`?",
      wrongType: "`{key}` in {file} is {actual}; expected {expected}",
    },
    fix: {
      noFrontMatter:
        "Start {file} with front-matter: a `---` line, `description: <when the rule applies>`, `globs: <comma-separated globs, or empty>`, `alwaysApply: false`, then a `---` line.",
      unclosed: "Add a `---` line after the last front-matter key of {file}.",
      invalid: "Rewrite the front-matter of {file} as one `key: value` per line, e.g. `globs: src/**/*.ts, test/**/*.ts`.",
      unknownKey: "Remove `{key}` from the front-matter of {file}; put what it says in `description` or in the rule's body.",
      misspelledKey: "Rename `{key}` to `{suggestion}` in the front-matter of {file}.",
      wrongType: "Set `{key}` in {file} to {expected}, e.g. `{key}: {sample}`.",
    },
  },
  check({ workspace, report }) {
    for (const file of workspace.repo.glob(CURSOR_RULES)) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      if (!doc.frontMatter) {
        const unclosed = /^---[ \t]*\r?\n/.test(doc.text);
        report({ file, line: 1, column: 1, endColumn: unclosed ? 4 : 1, messageId: unclosed ? "unclosed" : "noFrontMatter", data: { file } });
        continue;
      }
      const located = locateCursorFrontMatter(doc.frontMatter);
      if (!located.ok) {
        report({
          file,
          line: located.line,
          column: located.column,
          messageId: "invalid",
          data: { file, error: located.message },
          evidence: { problem: "invalid" },
        });
        continue;
      }
      for (const entry of located.entries) {
        const { key } = entry;
        const type = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
        if (!type) {
          const suggestion = closest(key, KEY_NAMES);
          report({
            file,
            ...entry.keyPlace,
            messageId: suggestion ? "misspelledKey" : "unknownKey",
            data: { file, key, suggestion: suggestion ?? "" },
            evidence: { key },
          });
        } else if (entry.value !== null && !type.accepts(entry.value)) {
          report({
            file,
            ...entry.valuePlace,
            messageId: "wrongType",
            data: { file, key, actual: describeValue(entry.value), expected: type.expected, sample: type.sample },
            evidence: { key },
          });
        }
      }
    }
  },
});
