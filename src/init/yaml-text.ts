/** Small helpers for the YAML guard init writes by hand: comments that wrap, scalars that quote. */

const WIDTH = 100;

/** `# ` lines at this indent, wrapped at word boundaries; a line that starts with spaces (a list item) is kept whole. */
export function comment(text: string, indent = ""): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const lead = /^\s*/.exec(paragraph)![0];
    if (lead) {
      lines.push(`${indent}# ${paragraph.trimEnd()}`);
      continue;
    }
    let line = "";
    for (const word of paragraph.trim().split(/\s+/).filter(Boolean)) {
      if (line && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
        lines.push(`${indent}# ${line}`);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line ? `${indent}# ${line}` : `${indent}#`);
  }
  return lines;
}

/** A YAML scalar for any string: plain when it is a simple word, else double-quoted (JSON's escapes are YAML's). */
export function scalar(value: string): string {
  return /^[A-Za-z_][\w.+-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

/** A flow list of quoted strings: `["src/core/**", "src/index.ts"]`. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;
}

/** The first few items, then how many more: lists in comments stay short. */
export function few(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** A literal path as a glob: `app/(shop)/[id]` must not read as a group and a character class. */
export function literalGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
