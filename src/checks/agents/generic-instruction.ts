import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/generic-instruction",
    description: "A map line carries no repo-specific information.",
    severity: "error",
    messages: { found: "A map line carries no repo-specific information." },
    fix: "TODO",
  },
  check() {},
});
