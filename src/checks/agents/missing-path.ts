import { defineRule } from "../rule.js";
import { markdownFor } from "../links/checked-markdown.js";
import { findMissingPaths, missingPathMessages } from "../links/missing-paths.js";

export default defineRule({
  meta: {
    id: "agents/missing-path",
    description: "An inline-code path or glob in an agent map names nothing that exists.",
    severity: "error",
    markdown: (workspace) => markdownFor(workspace, "agents"),
    ...missingPathMessages,
  },
  check({ workspace, report }) {
    for (const finding of findMissingPaths(workspace, markdownFor(workspace, "agents"))) report(finding);
  },
});
