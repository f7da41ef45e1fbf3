import { ts, type TS } from "./typescript.js";

// Frames of the tokenizer's context stack: what the next `}` (or the next JSX token) belongs to.
export const BLOCK = 0;
export const OBJECT = 1;
export const TEMPLATE = 2;
export const JSX_CHILD_EXPRESSION = 3;
export const JSX_ATTRIBUTE_EXPRESSION = 4;
export const JSX_TAG = 5;
export const JSX_CHILDREN = 6;

/** An opaque token standing for JSX markup: no import pattern matches across it. */
export const JSX_BOUNDARY = ts.SyntaxKind.JsxText;

/** What the JSX reader shares with the code tokenizer. */
export interface TokenState {
  readonly scanner: TS.Scanner;
  readonly frames: number[];
  /** Whether the next `/` is a regex and the next `<` may open markup. */
  expressionCanStart: boolean;
  /** Give up on the token path; returns the end-of-file token. */
  fail(): TS.SyntaxKind;
}

/** An identifier or any keyword: what may name a binding, a property or a JSX tag. */
export function isIdentifierOrKeyword(kind: TS.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.Identifier || (kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword);
}
