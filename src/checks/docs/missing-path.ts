import { defineRule } from "../rule.js";
import { markdownFor } from "../links/checked-markdown.js";
import { findMissingPaths, missingPathMessages } from "../links/missing-paths.js";

export default defineRule({
  meta: {
    id: "docs/missing-path",
    description: "An inline-code path or glob in a doc under docs.roots names nothing that exists.",
    markdown: (workspace) => markdownFor(workspace, "docs"),
    severity: "warn",
    ...missingPathMessages,
  },
  check({ workspace, report }) {
    for (const finding of findMissingPaths(workspace, markdownFor(workspace, "docs"))) report(finding);
  },
});
