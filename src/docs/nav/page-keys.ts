/**
 * How a site names a page file, so that a navigation entry written as a doc id or slug finds
 * it: `guides/01-setup.mdx` is `guides/01-setup`, `guides/setup` (Docusaurus drops number
 * prefixes), and whatever front-matter `id:` (Docusaurus) or `slug:` (Starlight, Docusaurus)
 * renames it to. Compared case-insensitively, spaces as `-`: a looser match only ever makes a
 * page reached, never an orphan.
 */

const PAGE_EXTENSION = /\.(?:md|mdx|markdown)$/i;
const INDEX_STEM = /(?:^|\/)(?:index|readme)$/i;
// Docusaurus' number prefix: `01-intro`, `1_intro`, `01. Intro`.
const NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;
const FRONT_MATTER = /^---\r?\n([\s\S]{0,4000}?)\r?\n---/;

/** The keys a page file answers to; `relative` is its path under the content folder. */
export function pageKeys(relative: string, text: string | undefined): string[] {
  const stem = relative.replace(PAGE_EXTENSION, "");
  const stripped = stem
    .split("/")
    .map((segment) => segment.replace(NUMBER_PREFIX, ""))
    .join("/");
  const keys = [stem, stripped];
  for (const key of [stem, stripped]) if (INDEX_STEM.test(key)) keys.push(key.replace(INDEX_STEM, ""));
  const renamed = text === undefined ? {} : frontMatterNames(text);
  if (renamed.id !== undefined) {
    const folder = stripped.includes("/") ? stripped.slice(0, stripped.lastIndexOf("/") + 1) : "";
    keys.push(folder + renamed.id);
  }
  if (renamed.slug !== undefined) keys.push(renamed.slug);
  return [...new Set(keys.map(looseKey))];
}

/** A navigation entry or page key in the form keys are compared in. */
export function looseKey(ref: string): string {
  return ref
    .replace(/[?#].*$/, "")
    .replace(/^\.?\/+/, "")
    .replace(/\/+$/, "")
    .replace(PAGE_EXTENSION, "")
    .replace(/\.html?$/i, "")
    .toLowerCase()
    .replace(/\s+/g, "-");
}

/** The `id:` and `slug:` of a page's front-matter, read by line (no YAML parse for two scalars). */
function frontMatterNames(text: string): { id?: string; slug?: string } {
  const block = FRONT_MATTER.exec(text)?.[1];
  if (block === undefined) return {};
  const value = (key: string) => {
    const match = new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, "m").exec(block)?.[1];
    const unquoted = match?.replace(/^(["'])(.*)\1$/, "$2").trim();
    return unquoted === undefined || unquoted === "" ? undefined : unquoted;
  };
  const id = value("id");
  const slug = value("slug");
  return { ...(id === undefined ? {} : { id }), ...(slug === undefined ? {} : { slug }) };
}
