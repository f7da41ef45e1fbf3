/** Where an append-only file was changed other than at its end, and how. */
export interface AppendViolation {
  /** 1-based line in the new text (the last line when the edited line is gone). */
  line: number;
  change: string;
}

/**
 * The new text must start with the old one byte for byte; an old text without a final newline
 * may get one (and more lines after it). Otherwise the first old line that differs is reported,
 * with its old and new text. A new file (`before` null) is fine; a deleted one (`after` null) is not.
 */
export function appendViolation(before: string | null, after: string | null): AppendViolation | undefined {
  if (before === null || after !== null && after.startsWith(before)) return undefined;
  if (after === null) return { line: 1, change: "the file was deleted" };
  const old = before.split("\n");
  const now = after.split("\n");
  for (let index = 0; index < old.length; index++) {
    if (old[index] === now[index]) continue;
    // The old text's last line without its newline may only have grown.
    if (index === old.length - 1 && now[index]?.startsWith(old[index]!)) continue;
    if (index === old.length - 1 && old[index] === "") return { line: now.length, change: `the final newline of line ${index} was removed` };
    if (index >= now.length || (index === now.length - 1 && now[index] === "")) {
      return { line: Math.max(1, now.length - (now[now.length - 1] === "" ? 1 : 0)), change: `line ${index + 1} was deleted (was ${quote(old[index]!)})` };
    }
    return { line: index + 1, change: `line ${index + 1} was edited: was ${quote(old[index]!)}, now ${quote(now[index]!)}` };
  }
  return undefined;
}

function quote(line: string): string {
  const text = line.replace(/\r$/, "");
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}
