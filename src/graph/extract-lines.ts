/** Where an offset of a file's text is, as editors count: 1-based line, 1-based UTF-16 column. */
export interface TextPlace {
  line: number;
  column: number;
}

/**
 * One table of line starts per file, searched per import. It is extended lazily, only as far
 * as the last offset asked for: imports sit near the top, so a long file is rarely read to its
 * end. Lines end at `\n`, `\r\n` or a lone `\r`, as in VS Code and git; a BOM is not a column.
 */
export function lineLocator(text: string): (offset: number) => TextPlace {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  const onlyNewlines = !text.includes("\r");
  let scanned = 0; // every line break before this offset is in `starts`
  const extendTo = (offset: number): void => {
    const limit = Math.min(offset + 1, text.length);
    if (onlyNewlines) {
      let at = text.indexOf("\n", scanned);
      for (; at !== -1 && at < limit; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
      scanned = at === -1 ? text.length : at;
      return;
    }
    let at = scanned;
    for (; at < limit; at++) {
      const code = text.charCodeAt(at);
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      if (code === 13 || code === 10) starts.push(at + 1);
    }
    scanned = at;
  };
  return (offset) => {
    if (offset >= scanned) extendTo(offset);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
