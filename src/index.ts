/** The library API: `import { check } from "harness-guard"`. */
export { check, type CheckOptions } from "./engine/check.js";
export { formatters } from "./report/index.js";
export { allRules } from "./checks/registry.js";
export { UsageError } from "./core/errors.js";
export type { CheckResult, Diagnostic, Severity } from "./core/types.js";
