import { posix } from "node:path";
import type { Workspace } from "../workspace.js";
import { docLinks, linkSource, resolveDocLink } from "./doc-links.js";
import { folderIndexes, isMarkdownLike } from "./folder-pages.js";
import { siteNavs, type SiteNav } from "./site-navs.js";

const MDX = /\.mdx$/i;

export interface Reach {
  /** Every Markdown (or MDX) file a reader reaches from the maps. */
  reached: Set<string>;
  /** The navigation files whose entries counted as links. */
  navs: SiteNav[];
}

/**
 * What a reader reaches from the agent maps, transitively: linked files, the index of a linked
 * or named folder, and the pages of a docs site's navigation when it sits at a docs root or a
 * reached file leads to it (links to or names the navigation file, the site's folder or its
 * content folder). Computed once per run.
 */
export function reachFromMaps(workspace: Workspace): Reach {
  return workspace.shared("docs-reach", () => {
    // MDX pages are followed too; with --staged, read them all in one git process, not one each.
    workspace.repo.preload(workspace.repo.files.filter((file) => MDX.test(file)));
    const navs = siteNavs(workspace);
    const byFile = new Map(navs.map((nav) => [nav.file, nav]));
    const byFolder = new Map<string, SiteNav[]>();
    for (const nav of navs) for (const folder of nav.siteFolders) byFolder.set(folder, [...(byFolder.get(folder) ?? []), nav]);
    const indexes = folderIndexes(workspace);

    const maps = workspace.maps();
    const reached = new Set<string>(maps);
    const counted = new Set<SiteNav>();
    const queue = [...maps];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      queue.push(file);
    };
    const count = (nav: SiteNav | undefined) => {
      if (nav === undefined || counted.has(nav)) return;
      counted.add(nav);
      // A table of contents in Markdown (SUMMARY.md) is a page of the site too.
      if (isMarkdownLike(nav.file)) visit(nav.file);
      nav.pages.forEach(visit);
    };
    navs.filter((nav) => nav.atDocsRoot).forEach(count);
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const link of docLinks(workspace, next)) {
        if (link.directory) {
          (indexes.get(link.path) ?? []).forEach(visit);
          (byFolder.get(link.path) ?? []).forEach(count);
        } else {
          if (isMarkdownLike(link.path)) visit(link.path);
          count(byFile.get(link.path));
        }
      }
      if (byFile.size > 0) for (const nav of namedNavs(workspace, next, byFile)) count(nav);
    }
    return { reached, navs: [...counted] };
  });
}

/** Navigation files named in inline code (`mkdocs.yml`, `docs/sidebar.json`), relative to the file or the repo root. */
function namedNavs(workspace: Workspace, file: string, byFile: Map<string, SiteNav>): SiteNav[] {
  const names = workspace.shared("nav-file-names", () => new Set([...byFile.keys()].map((path) => posix.basename(path))));
  const found: SiteNav[] = [];
  for (const code of linkSource(workspace, file)?.inlineCode ?? []) {
    const value = code.value.trim();
    if (!names.has(posix.basename(value))) continue;
    const nav = byFile.get(resolveDocLink(file, value) ?? "") ?? byFile.get(resolveDocLink(file, `/${value.replace(/^\.\//, "")}`) ?? "");
    if (nav) found.push(nav);
  }
  return found;
}
