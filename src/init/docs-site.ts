import { isMarkdown } from "../checks/workspace.js";
import type { Repo } from "../repo/repo.js";
import { findNavFiles } from "./nav-files.js";
import type { DocsFacts } from "./types.js";

/** Folders that hold a repository's docs by convention, at its root. */
const DOCS_NAMES = ["docs", "doc", "documentation"];

/**
 * The docs roots (folders of Markdown pages: a conventional name at the root, or where a docs
 * site's navigation file says its pages are), the navigation files, and the page a map should
 * link first.
 */
export function docsFacts(repo: Repo): DocsFacts {
  const markdown = repo.files.filter(isMarkdown);
  const countIn = (dir: string) => (dir === "" ? markdown.length : markdown.filter((file) => file.startsWith(`${dir}/`)).length);
  const nav = findNavFiles(repo);
  const candidates = new Map<string, string[]>();
  const propose = (dir: string, why: string) => candidates.set(dir, [...(candidates.get(dir) ?? []), why]);
  for (const name of DOCS_NAMES) if (repo.hasDirectory(name)) propose(name, "the conventional docs folder");
  for (const file of nav) {
    // sidebar*.json is too common a name to make a docs root of its folder; it only counts inside one.
    if (file.site === "sidebar" || file.docsDir === "" || file.docsDir.startsWith("..")) continue;
    propose(file.docsDir, `${file.site} serves its pages from here (${file.path})`);
  }
  const dirs = [...candidates.keys()].filter((dir) => countIn(dir) > 0).sort();
  const mdxOnly = [...candidates.keys()]
    .filter((dir) => countIn(dir) === 0)
    .map((dir) => ({ dir, pages: repo.files.filter((file) => file.startsWith(`${dir}/`) && file.endsWith(".mdx")).length }))
    .filter((entry) => entry.pages > 0)
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
  // A root inside another adds nothing: the outer one already holds its pages.
  const outer = dirs.filter((dir) => !dirs.some((other) => other !== dir && dir.startsWith(`${other}/`)));
  const roots = outer.map((dir) => ({ dir, markdown: countIn(dir), why: candidates.get(dir)!.join("; ") }));
  const inRoot = (path: string) => roots.some((root) => path.startsWith(`${root.dir}/`));
  const kept = nav.filter((file) => file.site !== "sidebar" || inRoot(file.path));
  return { roots, nav: kept.map(({ path, site }) => ({ path, site })), index: docsIndex(repo, roots.map((root) => root.dir)), mdxOnly };
}

/** docs/index.md or docs/README.md of the first root with one, else the root README.md. */
function docsIndex(repo: Repo, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    for (const name of ["index.md", "README.md", "readme.md"]) if (repo.hasFile(`${root}/${name}`)) return `${root}/${name}`;
  }
  return ["README.md", "readme.md", "Readme.md"].find((name) => repo.hasFile(name));
}
