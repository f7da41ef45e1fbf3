import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/dead-link",
    description: "A relative link or #anchor in an agent map points nowhere.",
    severity: "error",
    messages: { found: "A relative link or #anchor in an agent map points nowhere." },
    fix: "TODO",
  },
  check() {},
});
