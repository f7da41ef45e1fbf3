import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "docs/stale",
    description: "A doc was not reviewed within docs.frontMatter.freshDays, or code it covers changed after it.",
    severity: "error",
    messages: { found: "A doc was not reviewed within docs.frontMatter.freshDays, or code it covers changed after it." },
    fix: "TODO",
  },
  check() {},
});
