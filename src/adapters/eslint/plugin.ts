import type { ESLint, Linter, Rule } from "eslint";
import { packageVersion } from "../../core/package-root.js";
import { importsRule, layersRule } from "./rules.js";

/** Every code file guard's import graph reads (CODE_EXTENSIONS). */
const CODE_FILES = ["**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}"];

/**
 * `harness-guard/eslint-plugin`: guard's arch/layer and arch/deep-import (guard/layers) and the repo's `import` rule
 * files (guard/imports) on the file ESLint lints, from the same guard.yaml, resolver and rule
 * code as `guard check` (docs/eslint.md). A flat-config plugin for ESLint 10.
 */
const recommended: Linter.Config = {
  name: "guard/recommended",
  files: CODE_FILES,
  rules: { "guard/layers": "error", "guard/imports": "error" },
};

/** The plugin's shape: `configs.recommended` always present, for a typed eslint.config.ts. */
export interface GuardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: { layers: Rule.RuleModule; imports: Rule.RuleModule };
  configs: { recommended: Linter.Config };
}

const plugin: GuardPlugin = {
  meta: { name: "harness-guard/eslint-plugin", version: packageVersion(), namespace: "guard" },
  rules: { layers: layersRule, imports: importsRule },
  configs: { recommended },
};

// The config refers to the plugin object itself, as ESLint's plugin docs recommend for flat config.
recommended.plugins = { guard: plugin };

export default plugin;
