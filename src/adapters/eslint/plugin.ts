import type { ESLint, Linter } from "eslint";
import { packageVersion } from "../../core/package-root.js";
import { importsRule, layersRule } from "./rules.js";

/** Every code file guard's import graph reads (CODE_EXTENSIONS). */
const CODE_FILES = ["**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}"];

/**
 * `harness-guard/eslint-plugin`: guard's arch/layer and arch/deep-import (guard/layers) and the repo's `import` rule
 * files (guard/imports) on the file ESLint lints, from the same guard.yaml, resolver and rule
 * code as `guard check` (docs/eslint.md). A flat-config plugin for ESLint 10.
 */
const plugin = {
  meta: { name: "harness-guard/eslint-plugin", version: packageVersion(), namespace: "guard" },
  rules: { layers: layersRule, imports: importsRule },
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

// The config refers to the plugin object itself, as ESLint's plugin docs recommend for flat config.
plugin.configs.recommended = {
  name: "guard/recommended",
  files: CODE_FILES,
  plugins: { guard: plugin },
  rules: { "guard/layers": "error", "guard/imports": "error" },
};

export default plugin;
