import { posix } from "node:path";
import { needsScriptTokens, readNav, wellKnownNavFormat } from "../docs/nav/formats.js";
import { navLayout } from "../docs/nav/layout.js";
import type { NavFormat } from "../docs/nav/types.js";
import { scriptTokens } from "../checks/links/nav-script.js";
import type { Repo } from "../repo/repo.js";
import type { NavFile } from "./types.js";

/** A docs-site navigation file, and the folder of pages it belongs to. */
export interface FoundNav extends NavFile {
  /** Where the site's pages live, repo-relative ("" is the root). */
  docsDir: string;
}

/** What people call the generator of each navigation format. */
const SITE_NAMES: Record<NavFormat, string> = {
  mkdocs: "MkDocs",
  summary: "mdBook",
  docusaurus: "Docusaurus",
  vitepress: "VitePress",
  starlight: "Starlight",
  mintlify: "Mintlify",
  nextra: "Nextra",
  fumadocs: "Fumadocs",
  sidebar: "sidebar",
  script: "sidebar",
};

// Vendored dependencies that git does not ignore hold no navigation of this repo.
const VENDORED = /(^|\/)(node_modules|vendor)\//;

/**
 * The navigation files of docs sites, found and read as docs/orphan reads them (`docs.nav: auto`,
 * src/docs/nav/): a file with a navigation name that is something else (a docs.json without
 * `navigation`, an Astro site without Starlight) is left out. A sidebar*.json anywhere is named
 * here; the caller keeps it only inside a docs root. Nothing is executed: JS configs are lexed.
 */
export function findNavFiles(repo: Repo): FoundNav[] {
  const found: FoundNav[] = [];
  for (const path of repo.files) {
    if (VENDORED.test(path)) continue;
    const format = wellKnownNavFormat(path, false) ?? (/sidebar/i.test(path) ? wellKnownNavFormat(path, true) : undefined);
    // A SUMMARY.md is an mdBook's only beside its book.toml; otherwise it is just a summary.
    if (format === undefined || (format === "summary" && posix.basename(path) === "SUMMARY.md" && !hasBookToml(path, repo))) continue;
    const text = repo.readText(path);
    if (text === undefined) continue;
    const reading = readNav(format, path, text, needsScriptTokens(format, path) ? scriptTokens(text, path) : undefined);
    if (reading.unrelated) continue;
    const roots = navLayout(format, path, reading).contentRoots;
    const docsDir = roots.find((root) => root !== "" && repo.hasDirectory(root)) ?? roots[0] ?? "";
    found.push({ path, site: SITE_NAMES[format], docsDir });
  }
  return found;
}

/** mdBook keeps book.toml beside its `src/` folder (or, with `src = "."`, beside SUMMARY.md). */
function hasBookToml(summary: string, repo: Repo): boolean {
  const dir = folderOf(summary);
  return repo.hasFile(posix.join(dir, "book.toml")) || (dir !== "" && repo.hasFile(posix.join(folderOf(dir), "book.toml")));
}

function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
