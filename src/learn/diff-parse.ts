import type { FileChange, LineRange } from "./types.js";

/** A file of a diff before its contents are read: status, paths and changed line ranges. */
export type ChangeSkeleton = Omit<FileChange, "before" | "after">;

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads `git diff --name-status -z --find-renames` (statuses and paths, unambiguous whatever the
 * file names) and the `-U0` patch of the same two trees. git writes both in the same order, one
 * `diff --git` block per entry, so the n-th block holds the n-th entry's hunks; a binary or
 * mode-only change has a block without hunks.
 */
export function parseDiff(nameStatus: string, patch: string): ChangeSkeleton[] {
  const entries = parseNameStatus(nameStatus);
  const blocks = hunkBlocks(patch);
  return entries.map((entry, index) => ({ ...entry, ...(blocks[index] ?? { removed: [], added: [] }) }));
}

function parseNameStatus(text: string): Omit<ChangeSkeleton, "removed" | "added">[] {
  const fields = text.split("\0");
  const entries: Omit<ChangeSkeleton, "removed" | "added">[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (status === "") continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const oldPath = fields[i++]!;
      const newPath = fields[i++]!;
      entries.push(letter === "R" ? { status: "renamed", oldPath, newPath } : { status: "added", newPath });
      continue;
    }
    const path = fields[i++]!;
    if (letter === "A") entries.push({ status: "added", newPath: path });
    else if (letter === "D") entries.push({ status: "deleted", oldPath: path });
    else entries.push({ status: "modified", oldPath: path, newPath: path });
  }
  return entries;
}

/** The removed and added line ranges of each `diff --git` block, in order. */
function hunkBlocks(patch: string): { removed: LineRange[]; added: LineRange[] }[] {
  const blocks: { removed: LineRange[]; added: LineRange[] }[] = [];
  let current: { removed: LineRange[]; added: LineRange[] } | undefined;
  for (const line of patch.split("\n")) {
    if (line.startsWith("diff --git ")) {
      current = { removed: [], added: [] };
      blocks.push(current);
      continue;
    }
    const hunk = current && line.startsWith("@@ ") ? HUNK.exec(line) : null;
    if (!hunk || !current) continue;
    const removed = range(hunk[1]!, hunk[2]);
    const added = range(hunk[3]!, hunk[4]);
    if (removed) current.removed.push(removed);
    if (added) current.added.push(added);
  }
  return blocks;
}

/** `@@ -12,3` is lines 12–14; a count of 0 is no line (the start then names the line before). */
function range(start: string, count: string | undefined): LineRange | undefined {
  const size = count === undefined ? 1 : Number(count);
  if (size === 0) return undefined;
  return { start: Number(start), end: Number(start) + size - 1 };
}
