import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/import",
    description: "An @path import in a CLAUDE.md or GEMINI.md is missing, cyclic or nested too deep.",
    severity: "error",
    messages: { found: "An @path import in a CLAUDE.md or GEMINI.md is missing, cyclic or nested too deep." },
    fix: "TODO",
  },
  check() {},
});
