/**
 * Where strict JSON text first goes wrong, as 1-based line and column: JSON.parse says only
 * "Unexpected token" for some mistakes, with no position. A small recursive-descent scan of
 * the grammar (RFC 8259); undefined when the text is valid JSON.
 */
export function jsonErrorPlace(text: string): { line: number; column: number } | undefined {
  let index = 0;
  const fail = (): never => {
    throw new Error(String(index));
  };
  const space = () => {
    while (index < text.length && " \t\n\r".includes(text[index]!)) index++;
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, index)) fail();
    index += word.length;
  };
  const string = () => {
    index++; // the opening quote
    for (;;) {
      const char = text[index];
      if (char === undefined || char < " ") fail();
      if (char === '"') return void index++;
      if (char === "\\") {
        index++;
        if (text[index] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 1, index + 5))) fail();
          index += 5;
        } else if ('"\\/bfnrt'.includes(text[index] ?? "x")) index++;
        else fail();
      } else index++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index));
    if (!match) fail();
    index += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === "{") return members("}", () => {
      if (text[index] !== '"') fail();
      string();
      space();
      if (text[index] !== ":") fail();
      index++;
      value();
    });
    if (char === "[") return members("]", value);
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    return number();
  };
  const members = (close: string, member: () => void) => {
    index++;
    space();
    if (text[index] === close) return void index++;
    for (;;) {
      space();
      member();
      space();
      if (text[index] === ",") index++;
      else if (text[index] === close) return void index++;
      else fail();
    }
  };
  try {
    value();
    space();
    if (index < text.length) fail();
    return undefined;
  } catch (error) {
    const at = Math.min(Number((error as Error).message), text.length);
    const before = text.slice(0, at).split("\n");
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  }
}
