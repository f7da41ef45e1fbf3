import { posix } from "node:path";
import type { Workspace } from "../workspace.js";
import { isMarkdown } from "../workspace.js";
import type { Rendered } from "./types.js";

/**
 * The `docs-index` block: the Markdown files directly in a folder (the argument, from the repo
 * root; else the folder of the file holding the block), sorted, each linked with its first
 * heading. The file holding the block is left out: an index does not list itself.
 */
export function renderDocsIndex(workspace: Workspace, file: string, args: readonly string[]): Rendered {
  if (args.length > 1) return { problem: `takes one folder, not "${args.join(" ")}"` };
  const folder = args[0] === undefined ? posix.dirname(file) : trimFolder(args[0]);
  if (folder !== "." && !workspace.repo.hasDirectory(folder)) return { problem: `the folder ${args[0]} is not in the repository` };
  const prefix = folder === "." ? "" : `${folder}/`;
  const docs = workspace.repo.files
    .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/") && isMarkdown(path) && path !== file)
    .sort();
  if (docs.length === 0) return { lines: [`No Markdown file in ${prefix || "the repository root"}.`] };
  const from = posix.dirname(file);
  return {
    lines: docs.map((doc) => {
      const heading = workspace.markdown(doc)?.headings[0]?.text.replace(/\s+/g, " ").trim();
      const link = `[${posix.basename(doc)}](${posix.relative(from, doc)})`;
      return heading ? `- ${link}: ${heading}` : `- ${link}`;
    }),
  };
}

/** `docs/`, `./docs` and `docs` name the same folder. */
function trimFolder(arg: string): string {
  const trimmed = arg.replace(/^\.\//, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}
