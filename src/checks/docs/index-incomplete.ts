import { posix } from "node:path";
import { defineRule } from "../rule.js";
import { docLinks, folderOf } from "../links/doc-links.js";
import { navListedPages } from "../links/site-navs.js";
import type { Workspace } from "../workspace.js";

const INDEX = "index.md";

type MessageId = "missingSibling" | "missingSubIndex";

export default defineRule<MessageId>({
  meta: {
    id: "docs/index-incomplete",
    description: "An index.md does not link every Markdown file beside it and each direct subfolder's index.md.",
    severity: "error",
    markdown: (workspace) => workspace.docs().filter((file) => posix.basename(file) === INDEX),
    messages: {
      missingSibling: "{file} does not link {missing}, a Markdown file in the same folder; an index must list every doc beside it",
      missingSubIndex: "{file} does not link {missing}, the index of its subfolder {folder}; an index must lead to each subfolder's index",
    },
    fix: "Add a link to {missing} in {file}, e.g. a list item `- [<title>]({href}) — <one line on what it covers>`.",
  },
  check({ workspace, report }) {
    const { siblings, subIndexes } = folderContents(workspace);
    const maps = new Set(workspace.maps()); // a nested AGENTS.md is loaded by agents, not listed
    const listed = navListedPages(workspace);
    for (const file of workspace.docs()) {
      if (posix.basename(file) !== INDEX) continue;
      const folder = folderOf(file);
      const linked = new Set(docLinks(workspace, file).map((link) => link.path));
      const expected: [string, MessageId][] = [
        ...(siblings.get(folder) ?? []).filter((doc) => doc !== file && !maps.has(doc)).map((doc): [string, MessageId] => [doc, "missingSibling"]),
        ...(subIndexes.get(folder) ?? []).map((index): [string, MessageId] => [index, "missingSubIndex"]),
      ];
      // A link to the subfolder itself leads to its index as well.
      const missingOnes = expected.filter(([missing, messageId]) => !linked.has(missing) && !(messageId === "missingSubIndex" && linked.has(folderOf(missing))));
      // An index.md that lists fewer than half of them is the landing page of a docs site
      // (VitePress and Docusaurus name it so) that cross-links a few pages, not a table of
      // contents that fell behind: stay quiet rather than demand a list nobody meant to keep.
      if (missingOnes.length * 2 > expected.length) continue;
      for (const [missing, messageId] of missingOnes) {
        // A page the site's navigation lists (or a subfolder whose pages it lists) is listed already.
        if (messageId === "missingSibling" ? listed.has(missing) : listsUnder(listed, folderOf(missing))) continue;
        report({
          file,
          line: 1,
          column: 1,
          messageId,
          data: { file, missing, folder: `${folderOf(missing)}/`, href: relativeHref(folder, missing) },
          evidence: { missing },
        });
      }
    }
  },
});

/**
 * Markdown files per folder, and the index.md of each folder's direct subfolders. Files named
 * `_*.md` are partials of site generators (`_sidebar.md`, `_footer.md`), not pages to list.
 */
function folderContents(workspace: Workspace) {
  return workspace.shared("doc-index-folder-contents", () => {
    const siblings = new Map<string, string[]>();
    const subIndexes = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, file: string) => {
      const list = map.get(key);
      if (list) list.push(file);
      else map.set(key, [file]);
    };
    for (const file of workspace.markdownFiles()) {
      const name = posix.basename(file);
      if (name.startsWith("_")) continue;
      const folder = folderOf(file);
      add(siblings, folder, file);
      if (name === INDEX && folder !== "") add(subIndexes, folderOf(folder), file);
    }
    return { siblings, subIndexes };
  });
}

function listsUnder(listed: ReadonlySet<string>, folder: string): boolean {
  for (const page of listed) if (page.startsWith(`${folder}/`)) return true;
  return false;
}

function relativeHref(folder: string, target: string): string {
  return posix.relative(folder === "" ? "." : folder, target);
}
