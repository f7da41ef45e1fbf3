import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/duplicate",
    description: "The same paragraph stands in two docs, or in a map and README.md.",
    severity: "error",
    messages: { found: "The same paragraph stands in two docs, or in a map and README.md." },
    fix: "TODO",
  },
  check() {},
});
