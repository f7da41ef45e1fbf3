import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "guard/suppression",
    description: "A guard-ignore comment gives no reason.",
    severity: "error",
    messages: { found: "A guard-ignore comment gives no reason." },
    fix: "TODO",
  },
  check() {},
});
