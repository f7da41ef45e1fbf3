import { defineRule } from "../rule.js";

// PLACEHOLDER: to be implemented.
export default defineRule({
  meta: {
    id: "agents/chain-budget",
    description: "The root-to-nearest chain of nested maps exceeds agents.maxBytesChain.",
    severity: "error",
    messages: { found: "The root-to-nearest chain of nested maps exceeds agents.maxBytesChain." },
    fix: "TODO",
  },
  check() {},
});
