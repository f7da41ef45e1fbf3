import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/claude-drift",
    description: "A CLAUDE.md or GEMINI.md beside an AGENTS.md neither points to it nor equals it.",
    severity: "error",
    messages: { found: "A CLAUDE.md or GEMINI.md beside an AGENTS.md neither points to it nor equals it." },
    fix: "TODO",
  },
  check() {},
});
