import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/missing-section",
    description: "A heading required by agents.requiredSections is absent from a map.",
    severity: "error",
    messages: { found: "A heading required by agents.requiredSections is absent from a map." },
    fix: "TODO",
  },
  check() {},
});
