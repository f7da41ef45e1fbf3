import { defineRule } from "../rule.js";
import { reportLongFiles } from "../maps/line-limit.js";

export default defineRule({
  meta: {
    id: "docs/max-lines",
    description: "A doc is longer than docs.maxLines.",
    severity: "warn",
    markdown: (workspace) => (workspace.config.docs.maxLines > 0 ? workspace.docs() : []),
    messages: {
      tooLong: "{file} has {lines} lines; a doc may have at most {max}",
    },
    fix: "Split {file} into topic files of at most {max} lines each and link the parts from it.",
  },
  check({ config, workspace, report }) {
    reportLongFiles(workspace, workspace.docs(), config.docs.maxLines, report);
  },
});
