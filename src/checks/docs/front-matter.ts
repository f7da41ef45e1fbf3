import { defineRule } from "../rule.js";
import { describeValue, keyType } from "../front-matter/types.js";
import { locateFrontMatter } from "../front-matter/read.js";

export default defineRule({
  meta: {
    id: "docs/front-matter",
    description: "A required front-matter key is missing or of the wrong type.",
    severity: "error",
    markdown: (workspace) => (workspace.config.docs.frontMatter.required.length > 0 ? workspace.docs() : []),
    messages: {
      noFrontMatter: "{file} has no front-matter; docs.frontMatter.required asks for {keys}",
      missingKey: "the front-matter of {file} has no `{key}`; docs.frontMatter.required asks for it",
      wrongType: "`{key}` in {file} is {actual}; expected {expected}",
      invalidYaml: "the front-matter of {file} is not valid YAML: {error}",
    },
    fix: {
      noFrontMatter: "Start {file} with front-matter: a `---` line, then {example}, then a `---` line.",
      missingKey: "Add `{key}: {sample}` to the front-matter of {file} (between the `---` lines), with the real value.",
      wrongType: "Set `{key}` in {file} to {expected}, e.g. `{key}: {sample}`.",
      invalidYaml: "Fix the YAML between the `---` lines of {file} ({error}); quote values that contain `: ` or start with `*`, `&`, `@` or a backtick.",
    },
  },
  check({ config, workspace, report }) {
    const required = [...new Set(config.docs.frontMatter.required)];
    if (required.length === 0) return;
    for (const file of workspace.docs()) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      if (!doc.frontMatter) {
        const example = required.map((key) => `\`${key}: ${keyType(key).sample}\``).join(", ");
        report({
          file,
          line: 1,
          column: 1,
          messageId: "noFrontMatter",
          data: { file, keys: required.map((key) => `\`${key}\``).join(", "), example },
          evidence: { required },
        });
        continue;
      }
      const located = locateFrontMatter(doc.frontMatter);
      if (!located.ok) {
        report({
          file,
          line: located.line,
          column: located.column,
          messageId: "invalidYaml",
          data: { file, error: located.message },
          evidence: { problem: "invalid-yaml" },
        });
        continue;
      }
      const entries = new Map(located.entries.map((entry) => [entry.key, entry]));
      for (const key of required) {
        const type = keyType(key);
        const entry = entries.get(key);
        if (!entry) {
          report({
            file,
            line: doc.frontMatter.line,
            column: 1,
            messageId: "missingKey",
            data: { file, key, sample: type.sample },
            evidence: { key },
          });
        } else if (!type.accepts(entry.value)) {
          report({
            file,
            ...entry.valuePlace,
            messageId: "wrongType",
            data: { file, key, actual: describeValue(entry.value), expected: type.expected, sample: type.sample },
            evidence: { key, expected: type.expected },
          });
        }
      }
    }
  },
});
