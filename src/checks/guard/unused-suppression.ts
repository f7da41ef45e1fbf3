import { defineRule } from "../rule.js";

/**
 * A suppression comment that silenced nothing in this run. Whether a comment was used is only
 * known once every rule has run, so the engine (src/engine/suppressions.ts) reports these
 * findings while it applies suppressions; this rule declares the id, message and fix, and its
 * check has nothing to do. It reports only when every rule the comment names ran on the file.
 */
export default defineRule({
  meta: {
    id: "guard/unused-suppression",
    description: "A guard-ignore comment silences nothing: the finding it was written for no longer occurs.",
    severity: "warn",
    messages: {
      unused: "`{directive} {rules}` silenced nothing in this run; the finding it was written for no longer occurs here",
    },
    fix: "Delete the comment: {rules} no longer reports anything it covers. If the finding moved, put the comment on the line above it.",
  },
  check() {
    // Reported by the engine after all rules ran: see applySuppressions.
  },
});
