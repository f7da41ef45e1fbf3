import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/missing-path",
    description: "An inline-code or link path in a doc names nothing that exists.",
    severity: "error",
    messages: { found: "An inline-code or link path in a doc names nothing that exists." },
    fix: "TODO",
  },
  check() {},
});
