/**
 * The `guard:generated` blocks of a Markdown text. A block is a start marker line
 * `<!-- guard:generated NAME [ARGUMENT] -->`, the lines guard writes, and an end marker line
 * `<!-- /guard:generated -->`. Markers count only on a line of their own and outside fenced code
 * blocks, so a page can show the syntax in a code block or in backticks without making a block.
 */

/** The text every marker contains: files without it have no blocks and are not scanned further. */
export const MARKER_TEXT = "guard:generated";

const START = /^ {0,3}<!--\s*guard:generated\s+(\S+)((?:\s+\S+)*?)\s*-->\s*$/;
const END = /^ {0,3}<!--\s*\/guard:generated\s*-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export interface GeneratedBlock {
  name: string;
  /** The words after the name (a folder, a package.json path…); most names take at most one. */
  args: string[];
  /** 1-based line of the start marker. */
  line: number;
  /** Offsets of the generated lines: from just after the start marker's line break to the end marker's first byte. */
  contentStart: number;
  contentEnd: number;
  /** The line break the start marker ends with (`\r\n` or `\n`); the generated lines use it. */
  eol: string;
}

export interface MarkerScan {
  blocks: GeneratedBlock[];
  /** Start markers with no end marker before the next start marker or the end of the file. */
  unterminated: { name: string; line: number }[];
}

/** Finds the blocks of `text`; a text without MARKER_TEXT costs one substring test. */
export function scanMarkers(text: string): MarkerScan {
  const scan: MarkerScan = { blocks: [], unterminated: [] };
  if (!text.includes(MARKER_TEXT)) return scan;
  let open: Omit<GeneratedBlock, "contentEnd"> | undefined;
  let fence: string | undefined;
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    const newline = text.indexOf("\n", offset);
    const next = newline === -1 ? text.length : newline + 1;
    const raw = text.slice(offset, newline === -1 ? text.length : newline);
    const trimmed = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    line++;
    const content = line === 1 ? trimmed.replace(/^\uFEFF/, "") : trimmed; // a byte-order mark is no indent
    const fenceMatch = FENCE.exec(content);
    if (fence !== undefined) {
      // A fence closes with the same character, at least as long, and nothing after it.
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && content.trim() === fenceMatch[1]) fence = undefined;
    } else if (fenceMatch && !open) {
      fence = fenceMatch[1]!;
    } else if (END.test(content)) {
      if (open) scan.blocks.push({ ...open, contentEnd: offset });
      open = undefined;
    } else {
      const start = START.exec(content);
      if (start) {
        if (open) scan.unterminated.push({ name: open.name, line: open.line });
        const args = start[2]!.trim() === "" ? [] : start[2]!.trim().split(/\s+/);
        open = { name: start[1]!, args, line, contentStart: next, eol: raw.endsWith("\r") ? "\r\n" : "\n" };
      }
    }
    offset = next;
  }
  if (open) scan.unterminated.push({ name: open.name, line: open.line });
  return scan;
}
