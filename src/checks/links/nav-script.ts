import type { ScriptTokens } from "../../docs/nav/types.js";
import { loadCodeScanning } from "../code-scanning.js";
import type { TS } from "../../graph/typescript.js";

/**
 * The string literals of a JS/TS navigation file, each with the property it is the value of or
 * whether it is an array item, plus the keys of its outermost object and its imports. Read with
 * the import graph's token reader (a regex is not a string, a template substitution is code);
 * the file is never run. Never throws: a file the reader cannot follow gives what came before.
 */
export function scriptTokens(text: string, path: string): ScriptTokens {
  const { ts, CodeTokens, extractImports } = loadCodeScanning();
  const K = ts.SyntaxKind;
  // `default: 'x'`: a keyword before `:` is a property name.
  const isKeyword = (kind: TS.SyntaxKind) => kind >= K.FirstKeyword && kind <= K.LastKeyword;
  const result: ScriptTokens = { strings: [], topKeys: [], keys: [], imports: [] };
  // Open `{`, `[`, `(` and template heads, innermost last, each with the property it is the value of.
  const frames: { kind: TS.SyntaxKind; name: string | undefined }[] = [];
  let braces = 0; // how many frames are `{`
  let before = K.Unknown; // the two tokens before the current one, and their values
  let beforeValue = "";
  let last = K.Unknown;
  let lastValue = "";
  try {
    const tokens = new CodeTokens(text, /\.[jt]sx$/.test(path));
    try {
      for (let kind = tokens.next(); kind !== K.EndOfFileToken; kind = tokens.next()) {
        const value = kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.Identifier ? tokens.value() : "";
        // `name: 'x'` or `name: {`: the token before `:` names what follows.
        const property = last === K.ColonToken && (before === K.Identifier || before === K.StringLiteral || isKeyword(before)) ? beforeValue : undefined;
        if (kind === K.OpenBraceToken || kind === K.OpenBracketToken || kind === K.OpenParenToken || kind === K.TemplateHead) {
          // `locales: {` and `const locales = {` both name the object.
          frames.push({ kind, name: property ?? (last === K.EqualsToken && before === K.Identifier ? beforeValue : undefined) });
          if (kind === K.OpenBraceToken) braces++;
        } else if (kind === K.CloseBraceToken || kind === K.CloseBracketToken || kind === K.CloseParenToken || kind === K.TemplateTail) {
          if (frames.pop()?.kind === K.OpenBraceToken) braces--;
        } else if (kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral) {
          const inner = frames[frames.length - 1];
          const element = inner?.kind === K.OpenBracketToken && (last === K.OpenBracketToken || last === K.CommaToken);
          const within = inner?.kind === K.OpenBraceToken ? inner.name : undefined;
          result.strings.push({ value, property, element, within });
        } else if (kind === K.ColonToken && frames[frames.length - 1]?.kind === K.OpenBraceToken && (last === K.Identifier || last === K.StringLiteral)) {
          if (braces === 1) result.topKeys.push(lastValue);
          result.keys.push({ name: lastValue, within: frames[frames.length - 1]!.name });
        }
        before = last;
        beforeValue = lastValue;
        last = kind;
        lastValue = value || (isKeyword(kind) ? tokens.scanner.getTokenText() : "");
      }
    } finally {
      tokens.release();
    }
  } catch {
    // Keep what was read before the reader stopped.
  }
  result.imports = extractImports(text, path).map((ref) => ref.specifier);
  return result;
}
