import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/missing-path",
    description: "An inline-code or link path in an agent map names nothing that exists.",
    severity: "error",
    messages: { found: "An inline-code or link path in an agent map names nothing that exists." },
    fix: "TODO",
  },
  check() {},
});
