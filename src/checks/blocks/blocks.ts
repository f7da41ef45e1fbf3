import type { Workspace } from "../workspace.js";
import { isMarkdown } from "../workspace.js";
import { MARKER_TEXT, scanMarkers, type GeneratedBlock } from "./markers.js";
import { renderBlock } from "./render.js";

/** One block of a file as it stands and as guard would write it. */
export interface BlockState {
  block: GeneratedBlock;
  /** The generated lines as the file has them now. */
  actual: string;
  /** What guard writes (in the file's line ending), or undefined when the block cannot be rendered. */
  expected: string | undefined;
  /** Why it cannot be rendered: an unknown name, a bad argument. */
  problem?: string;
}

export interface FileBlocks {
  file: string;
  text: string;
  blocks: BlockState[];
  unterminated: { name: string; line: number }[];
}

/** Markdown files as isMarkdown names them, in git's pathspec syntax (`*` crosses folders). */
const MARKDOWN_PATHSPECS = [":(icase)*.md", ":(icase)*.markdown"];

/**
 * The Markdown files that may hold blocks: one `git grep` of the tracked Markdown files for the
 * marker when git can answer (files git does not vouch for, untracked or changed, are read and
 * tested here), else a substring test of each file's text. Files without the marker cost nothing more.
 * With `workspace.reported` (paths given), only the Markdown files in those paths.
 */
export function filesWithMarkers(workspace: Workspace): string[] {
  const { repo, reported } = workspace;
  const hasMarker = (file: string) => repo.readText(file)?.includes(MARKER_TEXT) ?? false;
  // A run on a few paths (an agent hook's edited file) reads those few instead of asking git.
  if (reported) return workspace.markdownFiles().filter((file) => reported(file) && hasMarker(file)).sort();
  const containing = repo.filesContaining(MARKER_TEXT, MARKDOWN_PATHSPECS, false);
  return workspace
    .markdownFiles()
    .filter((file) => (containing && repo.hasBlobIdentity(file) ? containing.has(file) : hasMarker(file)))
    .sort();
}

/** The blocks of one file, each with its current and its rendered content; undefined when unreadable. */
export function fileBlocks(workspace: Workspace, file: string): FileBlocks | undefined {
  if (!isMarkdown(file)) return undefined;
  const text = workspace.repo.readText(file);
  if (text === undefined) return undefined;
  const scan = scanMarkers(text);
  const blocks = scan.blocks.map((block): BlockState => {
    const actual = text.slice(block.contentStart, block.contentEnd);
    const rendered = renderBlock(workspace, file, block.name, block.args);
    if ("problem" in rendered) return { block, actual, expected: undefined, problem: rendered.problem };
    return { block, actual, expected: rendered.lines.map((line) => `${line}${block.eol}`).join("") };
  });
  return { file, text, blocks, unterminated: scan.unterminated };
}

/** The file's text with every renderable block replaced by its render; every other byte kept. */
export function regenerated({ text, blocks }: FileBlocks): string {
  let out = "";
  let at = 0;
  for (const { block, expected } of blocks) {
    if (expected === undefined) continue;
    out += text.slice(at, block.contentStart) + expected;
    at = block.contentEnd;
  }
  return out + text.slice(at);
}

/**
 * Where the block and its render differ, past their common first and last lines: how many lines
 * changed, and the first of them as `- what the file has / + what guard writes`, on one line.
 */
export function blockDiff(actual: string, expected: string, max = 2): { changed: number; head: string } {
  const a = actual.split(/\r?\n/);
  const b = expected.split(/\r?\n/);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let endA = a.length;
  let endB = b.length;
  while (endA > first && endB > first && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(first, endA);
  const added = b.slice(first, endB);
  const lines = [...removed.slice(0, max).map((line) => `- ${line}`), ...added.slice(0, max).map((line) => `+ ${line}`)];
  const more = Math.max(removed.length, added.length) > max ? " / …" : "";
  return { changed: Math.max(removed.length, added.length, 1), head: lines.length > 0 ? lines.join(" / ") + more : "only the line endings differ" };
}
