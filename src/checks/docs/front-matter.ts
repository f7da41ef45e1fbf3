import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/front-matter",
    description: "A required front-matter key is missing or of the wrong type.",
    severity: "error",
    messages: { found: "A required front-matter key is missing or of the wrong type." },
    fix: "TODO",
  },
  check() {},
});
