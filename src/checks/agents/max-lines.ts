import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "agents/max-lines",
    description: "An agent map is longer than agents.maxLines.",
    severity: "error",
    messages: {
      tooLong: "{file} has {lines} lines; a map may have at most {max}",
    },
    fix: "Keep {file} a map: move detail into docs/ topic files and link them from it, until it is at most {max} lines.",
  },
  check({ config, workspace, report }) {
    const max = config.agents.maxLines;
    if (max <= 0) return;
    for (const file of workspace.maps()) {
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
