import { ts } from "./typescript.js";
import { isIdentifierOrKeyword } from "./extract-frames.js";
import type { CodeTokens } from "./extract-tokens.js";

const K = ts.SyntaxKind;

/** How many bindings a `{ … }` of an import or export names, and how many of them are type-only. */
export interface NamedBindings {
  count: number;
  typeOnly: number;
}

/**
 * Reads `{ a, type B, c as d, "e-f" as g }` from the current `{` to its `}` inclusive;
 * undefined (the current token being the one that did not fit) if it is not such a list.
 */
export function readNamedBindings(tokens: CodeTokens): NamedBindings | undefined {
  const bindings = { count: 0, typeOnly: 0 };
  let length = 0;
  let startsWithType = false;
  for (;;) {
    const kind = tokens.next();
    if (kind === K.CommaToken || kind === K.CloseBraceToken) {
      if (length > 0) {
        bindings.count++;
        // As TypeScript reads them: `type A` and `type A as B` are type-only; `type` and
        // `type as B` name a binding called `type`; `type as` is a type-only binding `as`.
        if (startsWithType && (length === 2 || length === 4)) bindings.typeOnly++;
      }
      if (kind === K.CloseBraceToken) return bindings;
      length = 0;
    } else if (isIdentifierOrKeyword(kind) || tokens.isSpecifier(kind)) {
      if (length === 0) startsWithType = kind === K.TypeKeyword;
      length++;
    } else {
      return undefined;
    }
  }
}
