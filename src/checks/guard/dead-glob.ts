import { defineRule } from "../rule.js";

/** PLACEHOLDER: implemented by the dead-glob work. */
export default defineRule({
  meta: {
    id: "guard/dead-glob",
    description: "A glob in guard.yaml or a rule file matches no file.",
    severity: "warn",
    messages: { dead: "`{glob}` matches no file" },
    fix: "Correct the glob or delete it.",
  },
  check() {},
});
