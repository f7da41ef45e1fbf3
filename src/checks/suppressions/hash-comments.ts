import type { Comment } from "./code-comments.js";

/**
 * `# …` comments of a line-oriented file (YAML, TOML, shell, Python, .env, Dockerfile …) that
 * contain `needle`. A `#` starts a comment at the start of a line or after whitespace, and not
 * inside quotes on its line. In YAML a quote only opens a quoted value where a value starts
 * (`key: "…"`, `- '…'`), so the apostrophe in `title: don't # …` is not a quote. Multi-line
 * strings (YAML block scalars, Python docstrings) are not followed: a rare miss, not a crash.
 */
export function hashComments(text: string, needle: string, yaml: boolean): Comment[] {
  const found: Comment[] = [];
  let lineStart = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, lineStart)) {
    lineStart = text.lastIndexOf("\n", at) + 1;
    const lineEnd = endOfLine(text, at);
    const hash = commentStart(text, lineStart, lineEnd, yaml);
    if (hash !== undefined && hash < at) {
      found.push({ start: hash, end: lineEnd, value: text.slice(hash + 1, lineEnd) });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  const end = newline < 0 ? text.length : newline;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** Offset of the `#` that starts the line's comment, or undefined when it has none. */
function commentStart(text: string, from: number, to: number, yaml: boolean): number | undefined {
  let quote = "";
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === "\\" && quote === '"') i++;
      else if (char === quote) quote = "";
      continue;
    }
    if (char === "#" && (i === from || /\s/.test(text[i - 1]!))) return i;
    if ((char === '"' || char === "'") && (!yaml || opensYamlValue(text, from, i))) quote = char;
  }
  return undefined;
}

/** In YAML a quote opens a quoted scalar only where a value begins. */
function opensYamlValue(text: string, lineStart: number, at: number): boolean {
  const before = text.slice(lineStart, at).trimEnd();
  return before === "" || /(^|\s)-$|:$|[[{,]$/.test(before);
}
