import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/cursor-rule",
    description: "A .cursor/rules/*.mdc file has invalid front-matter.",
    severity: "error",
    messages: { found: "A .cursor/rules/*.mdc file has invalid front-matter." },
    fix: "TODO",
  },
  check() {},
});
