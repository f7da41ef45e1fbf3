/**
 * Where a long Markdown file may be cut into stretches parsed one by one (see parse-parts.ts).
 * These are guesses, cheap and line by line: parse-parts verifies each cut it uses with the
 * parser itself, so a wrong guess costs time, never a different model.
 */

const OPEN_FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const CLOSE_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// A heading or a paragraph that starts at column 1 ends whatever list or quote came before.
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|[A-Za-z])/;

/**
 * Offsets of the lines that likely start a top-level block afresh: a heading or plain text at
 * column 1 right after a blank line, outside a top-level fenced code block or HTML comment,
 * and not before `from`. Sorted.
 */
export function cutCandidates(text: string, from: number): number[] {
  const cuts: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let previousBlank = false;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, text[end - 1] === "\r" ? end - 1 : end);
    if (fence) {
      const close = CLOSE_FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
    } else if (inComment) {
      if (line.includes("-->")) inComment = false;
    } else {
      if (previousBlank && start >= from && BLOCK_START.test(line)) cuts.push(start);
      const open = OPEN_FENCE.exec(line);
      if (open) fence = { char: open[1]![0]!, length: open[1]!.length };
      else if (/^ {0,3}<!--/.test(line) && !line.includes("-->", line.indexOf("<!--") + 4)) inComment = true;
    }
    previousBlank = line.trim() === "";
    start = end + 1;
  }
  return cuts;
}

/**
 * The first offset a cut may take: past the closing `---` of front-matter (which is
 * front-matter only when it closes), 0 without; beyond the end when it never closes.
 */
export function firstCutAfterFrontMatter(text: string): number {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : text.length + 1;
}

/** Line endings (`\r\n`, `\r` or `\n`, as the parser counts them) in `text` from `from` to `to`. */
export function lineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}
