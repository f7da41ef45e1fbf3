/**
 * Finds one entry of a large JSON cache file in its text, without parsing the whole file: a
 * warm run after a one-file edit needs two or three entries of files that hold ten thousand.
 * An entry is an array whose leading elements are the given keys and whose next element is a
 * string: `["key","value"]` or `["path","identity","hash"]`. Inside JSON strings every `"` is
 * escaped, so the text `["key",` can only open such an array.
 */
export class RawEntries {
  constructor(private readonly text: string) {}

  /** The whole text, for a run that turns out to need every entry. */
  whole(): string {
    return this.text;
  }

  /** The string after `keys` in the first entry that starts with them, or undefined. */
  find(keys: readonly string[]): string | undefined {
    const opening = `[${keys.map((key) => JSON.stringify(key)).join(",")},"`;
    const at = this.text.indexOf(opening);
    if (at < 0) return undefined;
    const start = at + opening.length - 1;
    for (let end = this.text.indexOf('"', start + 1); end >= 0; end = this.text.indexOf('"', end + 1)) {
      let backslashes = 0;
      while (this.text[end - 1 - backslashes] === "\\") backslashes += 1;
      if (backslashes % 2 === 1) continue;
      try {
        return JSON.parse(this.text.slice(start, end + 1)) as string;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}
