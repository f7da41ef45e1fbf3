import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/dead-link",
    description: "A relative link or #anchor in a doc points nowhere.",
    severity: "error",
    messages: { found: "A relative link or #anchor in a doc points nowhere." },
    fix: "TODO",
  },
  check() {},
});
