import { looseKey, pageKeys } from "../../docs/nav/page-keys.js";
import { join } from "../../docs/nav/layout.js";
import type { Workspace } from "../workspace.js";
import { folderIndexes, isMarkdownLike } from "./folder-pages.js";
import { caselessKey, caselessPages } from "./site-pages.js";
import { safeDecode } from "./target.js";

const PAGE_EXTENSIONS = [".md", ".mdx", ".markdown"];

/**
 * Finds the Markdown or MDX files that navigation entries name. An entry is tried against each
 * content folder in turn: as a file, with an implied extension, `.html` for `.md`, as a folder
 * (its index or README); then, in the first folder, loosely by the names a site gives a page
 * (number prefixes dropped, front-matter `id`/`slug`, any case). One per run.
 */
export class PageResolver {
  private readonly loose = new Map<string, Map<string, string[]>>();
  private pageList: string[] | undefined;

  constructor(private readonly workspace: Workspace) {}

  static of(workspace: Workspace): PageResolver {
    return workspace.shared("nav-page-resolver", () => new PageResolver(workspace));
  }

  /** The page files `ref` names; empty when it names none. */
  resolve(ref: string, roots: readonly string[]): string[] {
    const written = ref.trim();
    const clean = safeDecode(written.replace(/[?#].*$/, ""));
    // "" and `#section` name no page; `/` and `./` name the content folder's home page.
    if (clean === "" && !written.startsWith("/")) return [];
    for (const root of roots) {
      const found = this.exact(join(root, clean));
      if (found.length > 0) return found;
    }
    // Sites serve `docs/contributing` for docs/CONTRIBUTING.md.
    for (const root of roots) {
      const path = join(root, clean);
      const found = path === undefined ? undefined : caselessPages(this.workspace).get(caselessKey(path));
      if (found) return found;
    }
    const primary = roots[0];
    return primary === undefined ? [] : (this.looseIndex(primary).get(looseKey(clean)) ?? []);
  }

  /** Every page file under `folder` (the whole repo for ""). */
  pagesUnder(folder: string): string[] {
    const prefix = folder === "" ? "" : `${folder}/`;
    return this.pages().filter((file) => file.startsWith(prefix));
  }

  /** The index or README of a folder, which a site shows as the folder's page. */
  folderPages(folder: string): string[] {
    const indexes = folderIndexes(this.workspace).get(folder) ?? [];
    if (indexes.length > 0) return indexes;
    // Docusaurus also takes `guides/guides.md` as the page of `guides/`.
    const name = folder.slice(folder.lastIndexOf("/") + 1);
    return name === "" ? [] : PAGE_EXTENSIONS.map((extension) => `${folder}/${name}${extension}`).filter((file) => this.workspace.repo.hasFile(file));
  }

  private exact(path: string | undefined): string[] {
    if (path === undefined) return [];
    const { repo } = this.workspace;
    if (isMarkdownLike(path) && repo.hasFile(path)) return [path];
    const stem = path.replace(/\.html?$/i, "");
    const implied = PAGE_EXTENSIONS.map((extension) => stem + extension).find((file) => repo.hasFile(file));
    if (implied !== undefined) return [implied];
    return path === "" || repo.hasDirectory(path) ? this.folderPages(path) : [];
  }

  private pages(): string[] {
    this.pageList ??= this.workspace.repo.files.filter(isMarkdownLike);
    return this.pageList;
  }

  private looseIndex(root: string): Map<string, string[]> {
    let index = this.loose.get(root);
    if (index) return index;
    index = new Map();
    const offset = root === "" ? 0 : root.length + 1;
    for (const file of this.pagesUnder(root)) {
      for (const key of pageKeys(file.slice(offset), this.workspace.repo.readText(file))) {
        const list = index.get(key);
        if (list) list.push(file);
        else index.set(key, [file]);
      }
    }
    this.loose.set(root, index);
    return index;
  }
}
