/**
 * Where JSON text first stops being valid, as an offset. JSON.parse says so for most errors
 * ("… in JSON at position 7") but not for an unexpected token (a merge conflict's `<<<<<<<`),
 * so a small validator finds the offset itself. Only called after JSON.parse failed.
 */
export function jsonErrorOffset(text: string): number {
  const scanner = new Scanner(text);
  try {
    scanner.value(0);
    scanner.space();
    return scanner.at < text.length ? scanner.at : -1;
  } catch (error) {
    if (error instanceof JsonStop) return error.at;
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

class JsonStop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
/** Deeper than any baseline; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at]!)) this.at++;
  }

  value(depth: number): void {
    this.space();
    if (depth > MAX_DEPTH) this.stop();
    const char = this.text[this.at];
    if (char === "{") return this.container("}", () => this.member(depth));
    if (char === "[") return this.container("]", () => this.value(depth + 1));
    if (char === '"') return this.string();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.at;
    if (!NUMBER.test(this.text)) this.stop();
    this.at = NUMBER.lastIndex;
  }

  private container(close: string, item: () => void): void {
    this.at++;
    this.space();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      item();
      this.space();
      const char = this.text[this.at];
      this.at++;
      if (char === close) return;
      if (char !== ",") this.stop(this.at - 1);
    }
  }

  private member(depth: number): void {
    this.space();
    if (this.text[this.at] !== '"') this.stop();
    this.string();
    this.space();
    if (this.text[this.at] !== ":") this.stop();
    this.at++;
    this.value(depth + 1);
  }

  private string(): void {
    this.at++;
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === "\\") {
        ESCAPE.lastIndex = this.at;
        if (!ESCAPE.test(this.text)) this.stop();
        this.at = ESCAPE.lastIndex;
      } else if (char < " ") {
        this.stop();
      } else {
        this.at++;
      }
    }
    this.stop();
  }

  private stop(at = this.at): never {
    throw new JsonStop(at);
  }
}
