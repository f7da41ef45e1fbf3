import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { SgRoot } from "@ast-grep/napi";

/** The ast-grep module, loaded on first use only: most runs have no pattern rule. */
export type AstGrep = typeof import("@ast-grep/napi");

let loading: Promise<AstGrep> | undefined;

export function loadAstGrep(): Promise<AstGrep> {
  loading ??= import("@ast-grep/napi");
  return loading;
}

/** The ast-grep languages pattern rules run on (values of the napi `Lang` enum). */
export const LANGUAGES = ["TypeScript", "Tsx", "JavaScript"] as const;
export type Language = (typeof LANGUAGES)[number];

// tree-sitter-javascript parses JSX, so .jsx needs no TSX grammar (checked in the tests).
const BY_EXTENSION: Record<string, Language> = {
  ".ts": "TypeScript",
  ".mts": "TypeScript",
  ".cts": "TypeScript",
  ".tsx": "Tsx",
  ".js": "JavaScript",
  ".jsx": "JavaScript",
  ".mjs": "JavaScript",
  ".cjs": "JavaScript",
};

/** The language of a code file by its extension; undefined for every other file. */
export function languageOf(path: string): Language | undefined {
  const dot = path.lastIndexOf(".");
  return dot === -1 ? undefined : BY_EXTENSION[path.slice(dot).toLowerCase()];
}

/** Parses source text; undefined when the parser gives up (it is error-tolerant, so rarely). */
export function parseSource(astGrep: AstGrep, language: Language, text: string): SgRoot | undefined {
  try {
    return astGrep.parse(astGrep.Lang[language], text);
  } catch {
    return undefined;
  }
}

/** Whether a parse produced syntax errors (tree-sitter's ERROR nodes). */
export function hasSyntaxError(root: SgRoot): boolean {
  return root.root().find({ rule: { kind: "ERROR" } }) !== null;
}

let collectGarbage: (() => void) | null | undefined;

/**
 * Frees the syntax trees parsed so far. V8 does not see their native memory, so without this a
 * 10,000-file run keeps every tree (about 40 KB each) until exit; the napi finalizers that free
 * them run on the event loop after a collection. The `--expose-gc` switch at run time is the
 * one Jest uses for its leak detection; when it is unavailable this only yields.
 */
export async function releaseParsedTrees(): Promise<void> {
  collectGarbage ??= exposedGc();
  collectGarbage?.();
  await new Promise((resolve) => setImmediate(resolve));
}

function exposedGc(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}
