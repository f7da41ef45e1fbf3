import { posix } from "node:path";
import { globMatcher } from "../../repo/glob.js";
import type { ResolvedConfig } from "../../config/types.js";
import type { Workspace } from "../workspace.js";

/** A folder `publicEntry` makes a module, and its one public file. */
export interface PublicModule {
  folder: string;
  entry: string;
}

/**
 * The modules of `publicEntry` (`{ "src/*\/": "index.ts" }`) that contain a file, outermost
 * first. A folder without its entry file is no module: with nothing to import through,
 * every import into it would be a finding, which is noise, not architecture.
 */
export function publicModules(workspace: Workspace): (file: string) => PublicModule[] {
  return workspace.shared("arch-public-modules", () => compilePublicModules(workspace.config, (path) => workspace.repo.hasFile(path)));
}

/** The modules of a config's `publicEntry` over a file list (`hasFile`); the ESLint plugin keeps one per listing. */
export function compilePublicModules(config: ResolvedConfig, hasFile: (path: string) => boolean): (file: string) => PublicModule[] {
  const keys = Object.entries(config.publicEntry).map(([folder, entry]) => ({
    matches: globMatcher([folder.replace(/^\.\//, "").replace(/\/+$/, "")]),
    entry: entry.replace(/^\.\//, ""),
  }));
  const byFolder = new Map<string, PublicModule | undefined>();
  const moduleAt = (folder: string): PublicModule | undefined => {
    if (!byFolder.has(folder)) {
      const key = keys.find((candidate) => candidate.matches(folder));
      const entry = key && entryFile(hasFile, folder, key.entry);
      byFolder.set(folder, entry ? { folder, entry } : undefined);
    }
    return byFolder.get(folder);
  };
  return (file) => {
    if (keys.length === 0) return [];
    const segments = file.split("/").slice(0, -1);
    const modules: PublicModule[] = [];
    for (let depth = 1; depth <= segments.length; depth++) {
      const module = moduleAt(segments.slice(0, depth).join("/"));
      if (module) modules.push(module);
    }
    return modules;
  };
}

/** `index.ts` as written, or `index` with any code extension. */
function entryFile(hasFile: (path: string) => boolean, folder: string, entry: string): string | undefined {
  const path = posix.join(folder, entry);
  if (hasFile(path)) return path;
  if (posix.extname(entry) !== "") return undefined;
  return [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"].map((ext) => path + ext).find((candidate) => hasFile(candidate));
}
