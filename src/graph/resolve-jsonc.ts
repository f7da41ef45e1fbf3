/**
 * Parses JSON with comments and trailing commas (tsconfig.json) without loading the TypeScript
 * compiler: comments and trailing commas outside strings are blanked, then JSON.parse.
 * Undefined when the text is still not JSON.
 */
export function parseJsonc(text: string): unknown {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === '"') {
      const end = stringEnd(text, index);
      out += text.slice(index, end);
      index = end;
    } else if (char === "/" && next === "/") {
      while (index < text.length && text[index] !== "\n") index++;
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 2;
    } else if (char === "," && closesNext(text, index + 1)) {
      index++;
    } else {
      out += char;
      index++;
    }
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** Index just past the string literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "\\") index += 2;
    else if (text[index] === '"') return index + 1;
    else index++;
  }
  return text.length;
}

/** Whether only whitespace and comments stand between `from` and a `}` or `]` (a trailing comma). */
function closesNext(text: string, from: number): boolean {
  let index = from;
  while (index < text.length) {
    const char = text[index]!;
    if (char === " " || char === "\t" || char === "\n" || char === "\r") index++;
    else if (char === "/" && text[index + 1] === "/") {
      while (index < text.length && text[index] !== "\n") index++;
    } else if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 2;
    } else return char === "}" || char === "]";
  }
  return false;
}
