/** The library API: `import { check } from "harness-guard"`. */
export { check, type CheckOptions } from "./engine/check.js";
export { recordBaseline } from "./engine/baseline-record.js";
export { testRules } from "./engine/rules-test.js";
export { planLearning, applyProposal, type LearnPlan, type LearnOptions } from "./learn/learn.js";
export { formatters } from "./report/index.js";
export { allRules } from "./checks/registry.js";
export { UsageError } from "./core/errors.js";
export type { CheckResult, Diagnostic, Severity } from "./core/types.js";
