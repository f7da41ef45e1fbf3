import { posix } from "node:path";
import { docusaurusConfig } from "../../docs/nav/docusaurus.js";
import { readImportedModule } from "../../docs/nav/formats.js";
import { folderOf, join } from "../../docs/nav/layout.js";
import type { NavFormat, NavReading } from "../../docs/nav/types.js";
import type { Workspace } from "../workspace.js";
import { scriptTokens } from "./nav-script.js";

const SCRIPT_EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".tsx", ".jsx", ".json"];
const DOCUSAURUS_CONFIGS = ["docusaurus.config.ts", "docusaurus.config.js", "docusaurus.config.mjs", "docusaurus.config.cjs"];
// VitePress 2 loads `<srcDir>/config.ts` and `<srcDir>/<locale>/config.ts` beside the main config.
const ADDITIONAL_CONFIG = /(^|\/)config\.[cm]?[jt]s$/;
/** A config's sidebar may be split over a few modules; this many are followed at most. */
const MAX_MODULES = 64;

/**
 * Reads the local modules that `from` imports (a config's sidebar is often in `./sidebar.ts`)
 * with the same format, and theirs, merging what they list into `reading`; only modules inside
 * `site`, a few at most, each once (`seen`). Returns the modules read.
 */
export function followImports(
  workspace: Workspace,
  from: string,
  imports: readonly string[],
  format: NavFormat,
  reading: NavReading,
  site: string,
  seen: Set<string>,
): string[] {
  const followed: string[] = [];
  seen.add(from);
  const queue = imports.map((specifier) => ({ from, specifier }));
  for (let next = queue.shift(); next !== undefined && seen.size < MAX_MODULES; next = queue.shift()) {
    if (!next.specifier.startsWith(".")) continue;
    const module = moduleFile(workspace, join(folderOf(next.from), next.specifier));
    if (module === undefined || seen.has(module) || !(site === "" || module.startsWith(`${site}/`))) continue;
    seen.add(module);
    const text = workspace.repo.readText(module);
    if (text === undefined) continue;
    const imported = readImportedModule(format, module, text, module.endsWith(".json") ? undefined : scriptTokens(text, module));
    followed.push(module);
    merge(reading, imported);
    queue.push(...imported.imports.map((specifier) => ({ from: module, specifier })));
  }
  return followed;
}

/** VitePress locale configs (`defineAdditionalConfig`) in the source folder and its direct subfolders, merged into `reading`. */
export function vitePressAdditionalConfigs(workspace: Workspace, sourceFolder: string, reading: NavReading, seen: Set<string>): string[] {
  const read: string[] = [];
  for (const file of workspace.repo.files) {
    if (!ADDITIONAL_CONFIG.test(file)) continue;
    const folder = folderOf(file);
    if (folder !== sourceFolder && folderOf(folder) !== sourceFolder) continue;
    const text = seen.has(file) ? undefined : workspace.repo.readText(file);
    if (text === undefined || !text.includes("defineAdditionalConfig")) continue;
    const config = readImportedModule("vitepress", file, text, scriptTokens(text, file));
    merge(reading, config);
    read.push(file, ...followImports(workspace, file, config.imports, "vitepress", reading, sourceFolder, seen));
  }
  return read;
}

/** What the docusaurus.config beside the sidebars says: its docs folders and their URL (see docusaurusConfig). */
export function docusaurusSite(workspace: Workspace, folder: string): { paths: string[]; routeBasePaths: string[] } {
  for (const name of DOCUSAURUS_CONFIGS) {
    const config = folder === "" ? name : posix.join(folder, name);
    const text = workspace.repo.hasFile(config) ? workspace.repo.readText(config) : undefined;
    if (text !== undefined) return docusaurusConfig(scriptTokens(text, config));
  }
  return { paths: [], routeBasePaths: ["docs"] };
}

/** Docusaurus' older versions of the docs: `versioned_docs/version-<name>/` beside the site config, by name. */
export function docusaurusVersions(workspace: Workspace, site: string): { name: string; folder: string }[] {
  const prefix = `${site === "" ? "" : `${site}/`}versioned_docs/version-`;
  const found = new Map<string, string>();
  for (const file of workspace.repo.files) {
    if (!file.startsWith(prefix)) continue;
    const name = file.slice(prefix.length).split("/")[0]!;
    if (file.length > prefix.length + name.length) found.set(name, prefix + name);
  }
  return [...found].map(([name, folder]) => ({ name, folder }));
}

function merge(into: NavReading, from: NavReading): void {
  into.pages.push(...from.pages);
  into.folders.push(...from.folders);
  into.prefixes.push(...from.prefixes);
  into.rewrites.push(...from.rewrites);
  into.locales.push(...from.locales);
  into.contentDir ??= from.contentDir;
}

/** The repo file an import names: as written, with an implied extension, or a folder's index. */
function moduleFile(workspace: Workspace, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const { repo } = workspace;
  const stem = path.replace(/\.[cm]?js$/, "");
  const candidates = [path, ...SCRIPT_EXTENSIONS.map((extension) => stem + extension), ...SCRIPT_EXTENSIONS.map((extension) => `${path}/index${extension}`)];
  return candidates.find((candidate) => repo.hasFile(candidate));
}
