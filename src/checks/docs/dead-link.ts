import { defineRule } from "../rule.js";
import { markdownFor } from "../links/checked-markdown.js";
import { deadLinkMessages, findDeadLinks } from "../links/dead-links.js";

export default defineRule({
  meta: {
    id: "docs/dead-link",
    description: "A relative link or #anchor in a doc under docs.roots points nowhere.",
    markdown: (workspace) => markdownFor(workspace, "docs"),
    severity: "error",
    ...deadLinkMessages,
  },
  check({ workspace, report }) {
    for (const finding of findDeadLinks(workspace, markdownFor(workspace, "docs"))) report(finding);
  },
});
