import { posix } from "node:path";
import { STARLIGHT_CONTENT } from "./starlight.js";
import type { NavFormat, NavReading } from "./types.js";

export interface NavLayout {
  /** Folders an entry may be relative to, most likely first; the caller keeps those that exist. */
  contentRoots: string[];
  /** The site's own folder: a map that names it leads to the navigation ("" for the repo root). */
  siteFolder: string;
  /** The content folder's index page is the site's home page, shown without being listed. */
  home: boolean;
}

/**
 * Where the entries of a navigation file point, by format and the file's place: pure path math
 * (repo-relative, "" for the root), before anything is checked against the repository.
 * `configPaths` are the docs folders a docusaurus.config beside the sidebars names.
 */
export function navLayout(format: NavFormat, file: string, reading: NavReading, configPaths: readonly string[] = []): NavLayout {
  const dir = folderOf(file);
  switch (format) {
    case "mkdocs":
      return layout([join(dir, reading.contentDir ?? "docs")], dir, true);
    case "docusaurus":
      // A website/ folder often serves the repo's top-level docs/ (`path: '../docs'`).
      return layout([...configPaths.map((path) => join(dir, path)), join(dir, "docs"), join(folderOf(dir), "docs"), dir], dir, true);
    case "vitepress": {
      // The site is the folder holding .vitepress (config.ts or config/index.ts inside it).
      const site = folderOf(file.slice(0, file.lastIndexOf(".vitepress/") + ".vitepress".length));
      return layout([join(site, reading.contentDir ?? ".")], site, true);
    }
    case "starlight":
      return layout([join(dir, STARLIGHT_CONTENT)], dir, true);
    case "nextra":
    case "fumadocs":
      return layout([dir], dir, true);
    case "summary":
    case "mintlify":
      return layout([dir], dir, false);
    case "sidebar":
    case "script":
      // A sidebar of no known generator may write its entries from its folder or from the site's root.
      return layout(ancestors(dir), dir, false);
  }
}

function layout(roots: (string | undefined)[], siteFolder: string, home: boolean): NavLayout {
  const contentRoots = [...new Set(roots.filter((root): root is string => root !== undefined))];
  return { contentRoots, siteFolder, home };
}

/** `dir` and every folder above it, up to the repo root. */
function ancestors(dir: string): string[] {
  const list = [dir];
  for (let folder = dir; folder !== ""; ) list.push((folder = folderOf(folder)));
  return list;
}

/** A path joined onto a repo folder; undefined when it climbs out of the repository. */
export function join(folder: string, path: string): string | undefined {
  const joined = posix.normalize(posix.join(folder === "" ? "." : folder, path.replace(/^\/+/, "")));
  if (joined === ".." || joined.startsWith("../") || posix.isAbsolute(joined)) return undefined;
  const clean = joined.replace(/\/+$/, "");
  return clean === "." ? "" : clean;
}

export function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
