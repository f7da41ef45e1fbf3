import { loadCodeScanning } from "../code-scanning.js";

/** A comment in a file: offsets of its delimiters and its text without them. */
export interface Comment {
  start: number;
  end: number;
  value: string;
}

/**
 * The comments of a JavaScript or TypeScript file that contain `needle`. Read with the token
 * reader of the import graph, which tells a regex from a division and follows templates and JSX,
 * so `// …` inside a string, template, regex or JSX text is never taken for a comment: an
 * occurrence counts only when it lies in the trivia the scanner skipped before a token. Where
 * that reader gives up (JSX it cannot follow), the plain scanner finishes the file.
 */
export function scriptComments(text: string, jsx: boolean, needle: string): Comment[] {
  const { ts, CodeTokens } = loadCodeScanning();
  const wanted = occurrences(text, needle);
  const found: Comment[] = [];
  const tokens = new CodeTokens(text, jsx);
  let next = 0; // index of the first occurrence not yet placed
  try {
    for (;;) {
      const kind = tokens.next();
      if (tokens.failed) return plainComments(text, needle, jsx);
      const scanner = tokens.scanner;
      const triviaStart = scanner.getTokenFullStart();
      const tokenStart = scanner.getTokenStart();
      while (next < wanted.length && wanted[next]! < triviaStart) next++;
      if (next < wanted.length && wanted[next]! < tokenStart) {
        // Trailing ranges: comments before the trivia's first line break; leading ones: after it.
        const ranges = [...(ts.getTrailingCommentRanges(text, triviaStart) ?? []), ...(ts.getLeadingCommentRanges(text, triviaStart) ?? [])];
        for (const [i, range] of ranges.entries()) {
          if (ranges.findIndex((other) => other.pos === range.pos) !== i) continue; // at offset 0 both kinds list the same comment
          if (range.end <= tokenStart && containsAny(wanted, range.pos, range.end)) found.push(commentAt(text, range.pos, range.end));
        }
      }
      if (kind === ts.SyntaxKind.EndOfFileToken || next >= wanted.length) return found;
    }
  } finally {
    tokens.release();
  }
}

/**
 * Comments by TypeScript's scanner alone, for C-like languages (Go, Rust, Java, C#, CSS …) and
 * for script files the token reader could not follow. It cannot tell a regex from a division,
 * so a `//` inside a regex literal may read as a comment; the directive must still start it.
 */
export function plainComments(text: string, needle: string, jsx = false): Comment[] {
  const { ts } = loadCodeScanning();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /*skipTrivia*/ false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const found: Comment[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (text.slice(start, end).includes(needle)) found.push(commentAt(text, start, end));
  }
  return found;
}

/** `// x` → ` x`, `/* x *\/` → ` x `; a JSDoc's leading `*` goes too. */
function commentAt(text: string, start: number, end: number): Comment {
  const raw = text.slice(start, end);
  const value = raw.startsWith("//") ? raw.slice(2) : raw.slice(2, raw.endsWith("*/") ? -2 : undefined).replace(/^\*+/, "");
  return { start, end, value };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

function containsAny(sorted: readonly number[], from: number, to: number): boolean {
  return sorted.some((offset) => offset >= from && offset < to);
}
