import { defineRule } from "../rule.js";

/** PLACEHOLDER: implemented by the weakened work. */
export default defineRule({
  meta: {
    id: "guard/weakened",
    description: "A change makes guard quieter (rule file removed, severity lowered, exclude added) without approval.",
    severity: "error",
    messages: { weakened: "{what}" },
    fix: "Undo the weakening.",
  },
  check() {},
});
