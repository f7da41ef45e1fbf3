import { lineLocator } from "./extract-lines.js";
import { scanImports, type FoundImport } from "./extract-statements.js";
import { parseImports } from "./extract-syntax-tree.js";
import { CodeTokens } from "./extract-tokens.js";
import type { ImportRef } from "./types.js";

/**
 * The imports of one code file, in source order, each with the exact place of its specifier's
 * string literal (quotes included): static and type-only imports and re-exports, side-effect
 * imports, `import x = require()`, and `import()`/`require()` whose argument is one string
 * literal (`import("m").T` in a type counts as a type-only dynamic import). Nothing inside
 * comments, strings, template literals, regexes or JSX text counts; neither does a template
 * literal argument, even one without substitutions, since it is usually a computed path.
 *
 * Reads the file once with TypeScript's scanner; only JSX the scanner cannot follow is parsed
 * in full. Never throws: on any failure it returns what it found.
 */
export function extractImports(text: string, path: string): ImportRef[] {
  const declarationFile = isDeclarationFile(path);
  let found: FoundImport[] = [];
  let parseInFull: boolean;
  try {
    const tokens = new CodeTokens(text, usesJsx(path));
    try {
      scanImports(tokens, declarationFile, found);
    } finally {
      tokens.release();
    }
    parseInFull = tokens.failed;
  } catch {
    parseInFull = true;
  }
  if (parseInFull) {
    try {
      found = parseImports(text, path, declarationFile);
    } catch {
      // Keep what the token path found before it stopped.
    }
  }
  return found.length === 0 ? [] : placed(text, found);
}

function placed(text: string, found: readonly FoundImport[]): ImportRef[] {
  const locate = lineLocator(text);
  return found.map(({ specifier, kind, typeOnly, start, end }) => {
    const from = locate(start);
    const to = locate(end);
    return { specifier, kind, typeOnly, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  });
}

/** TypeScript reads JSX in .tsx and in every JavaScript file, .js included. */
function usesJsx(path: string): boolean {
  return path.endsWith(".tsx") || path.endsWith(".jsx") || path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs");
}

/** `x.d.ts`, `x.d.mts`, `x.d.cts`, and declarations for other files such as `styles.d.css.ts`. */
const DECLARATION_FILE = /\.d\.([cm]?ts|[^/.]+\.ts)$/;

function isDeclarationFile(path: string): boolean {
  return DECLARATION_FILE.test(path);
}
