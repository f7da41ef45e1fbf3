import { defineRule } from "../rule.js";
import { folderIndexes, folderOf } from "../links/doc-links.js";
import { reachFromMaps } from "../links/reach.js";
import type { SiteNav } from "../links/site-navs.js";
import { isMarkdown, type Workspace } from "../workspace.js";
import { navFiles } from "../links/nav-files.js";

export default defineRule({
  meta: {
    id: "docs/orphan",
    description: "A doc is not reachable by links from any agent map.",
    severity: "error",
    // Every doc is read (a reached one for its links, another to see that it is readable), and the
    // Markdown navigation files (SUMMARY.md); files outside the roots are parsed only if a chain
    // of links reaches them.
    markdown: (workspace) =>
      workspace.maps().length > 0
        ? [...workspace.maps(), ...workspace.docs(), ...navFiles(workspace).map((nav) => nav.file).filter(isMarkdown)]
        : [],
    messages: {
      unreachable: "{doc} is not reachable from any agent map: no chain of links from {map} leads to it",
    },
    fix: "Add a Markdown link to {doc} in {linkFrom} (or in another doc that an agent map already leads to){orNav}, or delete {doc} if it is obsolete.",
  },
  check({ workspace, report }) {
    const maps = workspace.maps();
    const docs = workspace.docs();
    if (maps.length === 0 || docs.length === 0) return; // agents/missing-map speaks for a repo without a map
    const { reached, navs } = reachFromMaps(workspace);
    const rootMap = [...maps].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1))[0]!;
    const mapPlaces = maps.map((map) => ({ file: map, message: "agent map" }));
    for (const doc of docs) {
      // A doc guard cannot read (binary, broken symlink) is listed as skipped, not judged.
      if (reached.has(doc) || !workspace.markdown(doc)) continue;
      const places = navPlaces(navs, doc);
      report({
        file: doc,
        line: 1,
        column: 1,
        messageId: "unreachable",
        data: {
          doc,
          map: maps.length === 1 ? rootMap : `${rootMap} or any other map`,
          linkFrom: nearestReachedIndex(workspace, doc, reached) ?? rootMap,
          orNav: places.length > 0 ? `, or list it in the site's navigation ${places[0]!.file}` : "",
        },
        evidence: { doc },
        // A change to a map, or to a navigation of the doc's site that counted, can make it reachable.
        related: [...mapPlaces, ...places],
      });
    }
  },
});

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

function navPlaces(navs: readonly SiteNav[], doc: string): { file: string; message: string }[] {
  const ofSite = navs.filter((nav) => nav.siteFolders.some((folder) => doc.startsWith(`${folder}/`)));
  return [...new Set(ofSite.flatMap((nav) => nav.sources))].map((file) => ({ file, message: "docs-site navigation" }));
}

function depth(path: string): number {
  return path.split("/").length;
}
