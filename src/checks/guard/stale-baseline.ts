import { defineRule } from "../rule.js";

/**
 * A baseline entry whose finding no longer occurs. The rule itself checks nothing: the
 * engine's applyBaseline (src/engine/baseline.ts) compares the baseline with the findings of
 * the run and reports through this meta, so the finding gets an id, a severity and a doc page.
 */
export default defineRule({
  meta: {
    id: "guard/stale-baseline",
    description: "A baseline entry no longer occurs: the baseline can shrink.",
    severity: "warn",
    messages: {
      stale: "baseline entry for {rule} in {file} no longer occurs ({message})",
    },
    fix: "Run `guard baseline` to rewrite {baseline} without the entries that no longer occur, and commit it.",
  },
  check() {},
});
