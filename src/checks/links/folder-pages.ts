/** Markdown pages by folder: which files are pages, and each folder's index or README. */
import { posix } from "node:path";
import type { Workspace } from "../workspace.js";

const INDEX_NAMES = ["index.md", "README.md", "readme.md", "Readme.md", "index.markdown", "README.markdown", "index.mdx", "README.mdx"];
// MDX pages (docs sites) are read and followed like Markdown, though no rule reports on them.
const MARKDOWN_LIKE = /\.(md|markdown|mdx)$/i;

export function isMarkdownLike(path: string): boolean {
  return MARKDOWN_LIKE.test(path);
}

/** The index files of each folder that has any (index.md first, then README.md), built once per run. */
export function folderIndexes(workspace: Workspace): Map<string, string[]> {
  return workspace.shared("doc-folder-indexes", () => {
    const byFolder = new Map<string, string[]>();
    for (const file of workspace.repo.files) {
      if (!isMarkdownLike(file)) continue;
      const rank = INDEX_NAMES.indexOf(posix.basename(file));
      if (rank < 0) continue;
      const folder = folderOf(file);
      const list = byFolder.get(folder) ?? [];
      list.push(file);
      byFolder.set(folder, list);
    }
    for (const list of byFolder.values()) list.sort((a, b) => INDEX_NAMES.indexOf(posix.basename(a)) - INDEX_NAMES.indexOf(posix.basename(b)));
    return byFolder;
  });
}

/** The folder of a repo path, "" for the root. */
export function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
