import { formatJsonLocation, type JsonLocation } from "../../core/json-path.js";

/**
 * Where each value of a JSON text starts: formatted location (`$[3].description`) → 0-based
 * offset. Runs only on text that `JSON.parse` accepted, so it can stay small: it skips strings,
 * numbers and literals without checking them again.
 */
export function jsonValueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let at = 0;
  const space = () => {
    while (at < text.length && " \t\n\r\uFEFF".includes(text[at]!)) at++;
  };
  const string = (): string => {
    const start = at++;
    while (at < text.length && text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (location: (string | number)[]): void => {
    space();
    offsets.set(formatJsonLocation(location), at);
    const char = text[at];
    if (char === "{") {
      at++;
      space();
      while (at < text.length && text[at] !== "}") {
        const key = string();
        space();
        at++; // the colon
        value([...location, key]);
        space();
        if (text[at] === ",") at++;
        space();
      }
      at++;
    } else if (char === "[") {
      at++;
      space();
      for (let index = 0; at < text.length && text[at] !== "]"; index++) {
        value([...location, index]);
        space();
        if (text[at] === ",") at++;
        space();
      }
      at++;
    } else if (char === '"') {
      string();
    } else {
      while (at < text.length && !",]} \t\n\r".includes(text[at]!)) at++;
    }
  };
  value([]);
  return offsets;
}

/** 1-based line and column of a 0-based offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The place of a location in the text, or of its closest ancestor that exists there. */
export function placeOfLocation(text: string, offsets: Map<string, number>, location: JsonLocation): { line: number; column: number } {
  for (let depth = location.length; depth >= 0; depth--) {
    const offset = offsets.get(formatJsonLocation(location.slice(0, depth)));
    if (offset !== undefined) return lineColumnOf(text, offset);
  }
  return { line: 1, column: 1 };
}
