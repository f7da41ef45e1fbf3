import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/orphan",
    description: "A doc is not reachable by links from any agent map.",
    severity: "error",
    messages: { found: "A doc is not reachable by links from any agent map." },
    fix: "TODO",
  },
  check() {},
});
