import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/unknown-command",
    description: "A command in an agent map names a script, target or binary the repo does not have.",
    severity: "error",
    messages: { found: "A command in an agent map names a script, target or binary the repo does not have." },
    fix: "TODO",
  },
  check() {},
});
