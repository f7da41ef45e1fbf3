import { defineRule } from "../rule.js";
import { folderIndexes, folderOf, linkedMarkdown } from "../links/doc-links.js";
import type { Workspace } from "../workspace.js";

const MDX = /\.mdx$/i;

export default defineRule({
  meta: {
    id: "docs/orphan",
    description: "A doc is not reachable by links from any agent map.",
    severity: "error",
    // Every doc is read (a reached one for its links, another to see that it is readable); files
    // outside the roots are parsed only if a chain of links reaches them.
    markdown: (workspace) => (workspace.maps().length > 0 ? [...workspace.maps(), ...workspace.docs()] : []),
    messages: {
      unreachable: "{doc} is not reachable from any agent map: no chain of links from {map} leads to it",
    },
    fix: "Add a Markdown link to {doc} in {linkFrom} (or in another doc that an agent map already leads to), or delete {doc} if it is obsolete.",
  },
  check({ workspace, report }) {
    const maps = workspace.maps();
    const docs = workspace.docs();
    if (maps.length === 0 || docs.length === 0) return; // agents/missing-map speaks for a repo without a map
    const reached = reachable(workspace, maps);
    const rootMap = [...maps].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1))[0]!;
    const related = maps.map((map) => ({ file: map, message: "agent map" }));
    for (const doc of docs) {
      // A doc guard cannot read (binary, broken symlink) is listed as skipped, not judged.
      if (reached.has(doc) || !workspace.markdown(doc)) continue;
      report({
        file: doc,
        line: 1,
        column: 1,
        messageId: "unreachable",
        data: { doc, map: maps.length === 1 ? rootMap : `${rootMap} or any other map`, linkFrom: nearestReachedIndex(workspace, doc, reached) ?? rootMap },
        evidence: { doc },
        related,
      });
    }
  },
});

/** Every Markdown (or MDX) file a reader reaches from the maps by following links, transitively. */
function reachable(workspace: Workspace, maps: readonly string[]): Set<string> {
  // MDX pages are followed too; with --staged, read them all in one git process, not one each.
  workspace.repo.preload(workspace.repo.files.filter((file) => MDX.test(file)));
  const seen = new Set<string>(maps);
  const queue = [...maps];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const target of linkedMarkdown(workspace, next)) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/**
 * The closest index.md / README.md up the doc's folder chain that the maps already reach. The
 * root folder is left out: there the map itself is the better place for the link.
 */
function nearestReachedIndex(workspace: Workspace, doc: string, reached: Set<string>): string | undefined {
  const indexes = folderIndexes(workspace);
  for (let folder = folderOf(doc); folder !== ""; folder = folderOf(folder)) {
    const index = (indexes.get(folder) ?? []).find((file) => file !== doc && reached.has(file));
    if (index) return index;
  }
  return undefined;
}

function depth(path: string): number {
  return path.split("/").length;
}
