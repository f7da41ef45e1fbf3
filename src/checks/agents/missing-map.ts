import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/missing-map",
    description: "The repository (or a configured package) has no AGENTS.md map.",
    severity: "error",
    messages: { found: "The repository (or a configured package) has no AGENTS.md map." },
    fix: "TODO",
  },
  check() {},
});
