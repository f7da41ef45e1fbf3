import { defineRule } from "../rule.js";
import { reportLongFiles } from "../maps/line-limit.js";
import { markdownFor } from "../links/checked-markdown.js";

export default defineRule({
  meta: {
    id: "agents/max-lines",
    description: "An agent map is longer than agents.maxLines.",
    severity: "error",
    markdown: (workspace) => (workspace.config.agents.maxLines > 0 ? markdownFor(workspace, "agents") : []),
    messages: {
      tooLong: "{file} has {lines} lines; a map may have at most {max}",
    },
    fix: "Keep {file} a map: move detail into docs/ topic files and link them from it, until it is at most {max} lines.",
  },
  check({ config, workspace, report }) {
    // A CLAUDE.md that is a symlink to AGENTS.md is one text: reported once.
    reportLongFiles(workspace, markdownFor(workspace, "agents"), config.agents.maxLines, report);
  },
});
