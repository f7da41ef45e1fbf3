/**
 * Finds one entry of a large JSON cache file in its bytes, without decoding or parsing the
 * whole file: a warm run after a one-file edit needs two or three entries of files that hold
 * ten thousand. An entry is an array whose leading elements are the given keys and whose next
 * element is a string: `["key","value"]` or `["path","identity","hash"]`. Inside JSON strings
 * every `"` is escaped, so the text `["key",` can only open such an array.
 */
export class RawEntries {
  constructor(private readonly bytes: Buffer) {}

  /** The whole file as text, for a run that turns out to need every entry. */
  whole(): string {
    return this.bytes.toString("utf8");
  }

  /** The string after `keys` in the first entry that starts with them, or undefined. */
  find(keys: readonly string[]): string | undefined {
    const opening = Buffer.from(`[${keys.map((key) => JSON.stringify(key)).join(",")},"`);
    const at = this.bytes.indexOf(opening);
    if (at < 0) return undefined;
    const start = at + opening.length - 1;
    for (let end = this.bytes.indexOf(QUOTE, start + 1); end >= 0; end = this.bytes.indexOf(QUOTE, end + 1)) {
      let backslashes = 0;
      while (this.bytes[end - 1 - backslashes] === BACKSLASH) backslashes += 1;
      if (backslashes % 2 === 1) continue;
      try {
        return JSON.parse(this.bytes.toString("utf8", start, end + 1)) as string;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
