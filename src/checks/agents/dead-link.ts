import { defineRule } from "../rule.js";
import { markdownFor } from "../links/checked-markdown.js";
import { deadLinkMessages, findDeadLinks } from "../links/dead-links.js";

export default defineRule({
  meta: {
    id: "agents/dead-link",
    description: "A relative link or #anchor in an agent map points nowhere.",
    severity: "error",
    markdown: (workspace) => markdownFor(workspace, "agents"),
    ...deadLinkMessages,
  },
  check({ workspace, report }) {
    for (const finding of findDeadLinks(workspace, markdownFor(workspace, "agents"))) report(finding);
  },
});
