import { posix } from "node:path";
import { readDocusaurusJson, readDocusaurusScript } from "./docusaurus.js";
import { readFumadocs, readNextraJson, readNextraScript } from "./meta.js";
import { readMintlify } from "./mintlify.js";
import { readMkdocs } from "./mkdocs.js";
import { readSidebarData, readSidebarScript } from "./sidebar.js";
import { readStarlight } from "./starlight.js";
import { readSummary } from "./summary.js";
import { unrelatedFile, type NavFormat, type NavReading, type ScriptTokens } from "./types.js";
import { readVitePress } from "./vitepress.js";

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/**
 * The format of a well-known navigation file, by its name; undefined for any other file.
 * `sidebar*.json` and `_sidebar.md` are common names for other things too, so the caller asks
 * for them only under a docs root (`underDocsRoot`).
 */
export function wellKnownNavFormat(path: string, underDocsRoot: boolean): NavFormat | undefined {
  const name = posix.basename(path);
  if (/^mkdocs\.ya?ml$/i.test(name)) return "mkdocs";
  if (name === "SUMMARY.md") return "summary";
  if (/^sidebars\.(?:json|[cm]?[jt]s)$/.test(name)) return "docusaurus";
  if (/(^|\/)\.vitepress\/config(?:\/index)?\.[cm]?[jt]s$/.test(path)) return "vitepress";
  if (/^astro\.config\.[cm]?[jt]s$/.test(name)) return "starlight";
  if (name === "docs.json" || name === "mint.json") return "mintlify";
  if (/^_meta\.(?:json|[cm]?[jt]sx?)$/.test(name)) return "nextra";
  if (name === "meta.json") return "fumadocs";
  if (underDocsRoot && (/^sidebars?[\w.-]*\.json$/i.test(name) || name === "_sidebar.md")) return name.endsWith(".md") ? "summary" : "sidebar";
  return undefined;
}

/** The format of a file named in `docs.nav`: a well-known name, else by its extension. */
export function configuredNavFormat(path: string): NavFormat | undefined {
  const known = wellKnownNavFormat(path, true);
  if (known) return known;
  if (/\.(?:json|ya?ml)$/i.test(path)) return "sidebar";
  if (/\.(?:md|markdown|mdx)$/i.test(path)) return "summary";
  if (SCRIPT.test(path)) return "script";
  return undefined;
}

/** Whether reading a file of this format (at this path) needs its JS/TS string literals. */
export function needsScriptTokens(format: NavFormat, path: string): boolean {
  return SCRIPT.test(path) && format !== "summary" && format !== "mkdocs";
}

const NO_TOKENS: ScriptTokens = { strings: [], topKeys: [], keys: [], imports: [] };

/** What one navigation file lists; `tokens` are its string literals when it is JS/TS (needsScriptTokens). */
export function readNav(format: NavFormat, path: string, text: string, tokens: ScriptTokens = NO_TOKENS): NavReading {
  const script = SCRIPT.test(path);
  switch (format) {
    case "mkdocs":
      return readMkdocs(text);
    case "summary":
      return readSummary(text);
    case "docusaurus":
      return script ? readDocusaurusScript(tokens) : readDocusaurusJson(text);
    case "vitepress":
      return readVitePress(tokens);
    case "starlight":
      // An Astro site without the Starlight integration has no sidebar to read.
      return text.includes("starlight") ? readStarlight(tokens) : unrelatedFile();
    case "mintlify":
      return readMintlify(text);
    case "nextra":
      return script ? readNextraScript(tokens) : readNextraJson(text);
    case "fumadocs":
      return readFumadocs(text);
    case "sidebar":
      return readSidebarData(text, /\.ya?ml$/i.test(path));
    case "script":
      return readSidebarScript(tokens);
  }
}

/**
 * A module a JS/TS navigation file imports (a sidebar kept apart from the config), read as part
 * of the same site: JSON as a sidebar of no known generator, code with the format's reader.
 */
export function readImportedModule(format: NavFormat, path: string, text: string, tokens: ScriptTokens = NO_TOKENS): NavReading {
  if (/\.json$/i.test(path)) return readSidebarData(text, false);
  if (format === "starlight") return readStarlight(tokens);
  return readNav(SCRIPT.test(path) ? format : "script", path, text, tokens);
}
