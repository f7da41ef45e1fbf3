import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "docs/max-lines",
    description: "A doc is longer than docs.maxLines.",
    severity: "warn",
    messages: {
      tooLong: "{file} has {lines} lines; a doc may have at most {max}",
    },
    fix: "Split {file} into topic files of at most {max} lines each and link the parts from it.",
  },
  check({ config, workspace, report }) {
    const max = config.docs.maxLines;
    if (max <= 0) return;
    for (const file of workspace.docs()) {
      const doc = workspace.markdown(file);
      if (!doc || doc.lineCount <= max) continue;
      report({
        file,
        line: max + 1,
        column: 1,
        messageId: "tooLong",
        data: { file, lines: doc.lineCount, max },
        evidence: { max },
      });
    }
  },
});
