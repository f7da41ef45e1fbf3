import type { Workspace } from "../workspace.js";

const IMPLIED_EXTENSIONS = [".md", ".mdx", ".markdown"];
const INDEX_STEM = /(?:^|\/)(?:index|readme)$/;
const PAGE_EXTENSION = /\.(?:md|mdx|markdown)$/i;

/**
 * The page a docs site serves for a path written without its extension, as site generators
 * let links be written: `guide/cli` and `guide/cli.html` are guide/cli.md (or .mdx), and a
 * site that lowercases its routes serves docs/CONTRIBUTING.md at `docs/contributing`.
 * Undefined when the path has another extension or names no page (in its own case, unless `anyCase`).
 */
export function sitePage(workspace: Workspace, path: string, anyCase = true): string | undefined {
  const stem = path.replace(/\.html?$/i, "");
  const implied = IMPLIED_EXTENSIONS.map((extension) => stem + extension).find((file) => workspace.repo.hasFile(file));
  if (implied !== undefined || !anyCase || /\.[a-z0-9]+$/i.test(stem.slice(stem.lastIndexOf("/") + 1))) return implied;
  const caseless = caselessPages(workspace).get(caselessKey(stem)) ?? [];
  // Two pages that differ only in case: which one the site serves is not ours to guess.
  return caseless.length === 1 ? caseless[0] : undefined;
}

/** Every Markdown or MDX page by its path in lower case, without extension; a folder's index also by the folder. */
export function caselessPages(workspace: Workspace): Map<string, string[]> {
  return workspace.shared("caseless-pages", () => {
    const index = new Map<string, string[]>();
    for (const file of workspace.repo.files) {
      if (!PAGE_EXTENSION.test(file)) continue;
      const stem = caselessKey(file);
      for (const key of INDEX_STEM.test(stem) ? [stem, stem.replace(INDEX_STEM, "")] : [stem]) {
        const list = index.get(key);
        if (list) list.push(file);
        else index.set(key, [file]);
      }
    }
    return index;
  });
}

export function caselessKey(path: string): string {
  return path.replace(PAGE_EXTENSION, "").replace(/\/+$/, "").toLowerCase();
}
