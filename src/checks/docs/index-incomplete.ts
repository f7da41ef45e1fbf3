import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/index-incomplete",
    description: "An index.md does not link every Markdown file beside it.",
    severity: "error",
    messages: { found: "An index.md does not link every Markdown file beside it." },
    fix: "TODO",
  },
  check() {},
});
