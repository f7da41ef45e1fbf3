import { createRequire } from "node:module";
import { bundled } from "../core/bundle.js";
import type { extractImports as ExtractImports } from "../graph/extract-imports.js";
import type { CodeTokens as CodeTokensClass } from "../graph/extract-tokens.js";
import type { TS } from "../graph/typescript.js";

/** TypeScript's scanner and the import graph's token reader, for rules that read code text. */
export interface CodeScanning {
  ts: typeof TS;
  CodeTokens: typeof CodeTokensClass;
  extractImports: typeof ExtractImports;
}

let scanning: CodeScanning | undefined;

/**
 * Loads TypeScript (~70 ms) the first time a rule needs to read code text: a `guard-ignore`
 * comment, a JS/TS docs-site navigation file. Most runs never do. Synchronous (require of an ES
 * module, Node >= 20.19) because its callers are: suppressions are applied after the rules ran.
 */
export function loadCodeScanning(): CodeScanning {
  if (!scanning) {
    // In the bundle, esbuild bundles the plain `require` calls (modules initialised on first use).
    const load = bundled ? undefined : createRequire(import.meta.url);
    const { ts } = (load ? load("../graph/typescript.js") : require("../graph/typescript.js")) as { ts: typeof TS };
    const { CodeTokens } = (load ? load("../graph/extract-tokens.js") : require("../graph/extract-tokens.js")) as { CodeTokens: typeof CodeTokensClass };
    const { extractImports } = (load ? load("../graph/extract-imports.js") : require("../graph/extract-imports.js")) as {
      extractImports: typeof ExtractImports;
    };
    scanning = { ts, CodeTokens, extractImports };
  }
  return scanning;
}
