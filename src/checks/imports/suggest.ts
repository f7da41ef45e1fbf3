import { posix } from "node:path";
import { closest } from "../../core/suggest.js";
import { isCodeFile } from "../../graph/types.js";
import type { Workspace } from "../workspace.js";

const CODE_EXTENSION = /\.(?:d\.)?[mc]?[jt]sx?$/;
const INDEX = /^index\.(?:d\.)?[mc]?[jt]sx?$/;

/**
 * For a relative import that names no file, the existing file (or folder with an index file)
 * whose name is closest to what was written: `./order-servce` → `src/order-service.ts`.
 */
export function closestModule(workspace: Workspace, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const wanted = posix.join(posix.dirname(fromFile), specifier);
  if (wanted.startsWith("../")) return undefined;
  const candidates = modulesByFolder(workspace).get(posix.dirname(wanted));
  if (!candidates) return undefined;
  const match = closest(posix.basename(wanted).replace(CODE_EXTENSION, ""), [...candidates.keys()]);
  return match === undefined ? undefined : candidates.get(match);
}

/** folder → module name as imported (file name without extension, or folder name) → its path. */
function modulesByFolder(workspace: Workspace): Map<string, Map<string, string>> {
  return workspace.shared("arch-modules-by-folder", () => {
    const byFolder = new Map<string, Map<string, string>>();
    const add = (folder: string, name: string, path: string) => {
      const names = byFolder.get(folder) ?? new Map<string, string>();
      byFolder.set(folder, names);
      if (!names.has(name)) names.set(name, path);
    };
    for (const file of workspace.repo.files) {
      if (!isCodeFile(file)) continue;
      const folder = posix.dirname(file);
      const name = posix.basename(file);
      add(folder, name.replace(CODE_EXTENSION, ""), file);
      if (INDEX.test(name) && folder !== ".") add(posix.dirname(folder), posix.basename(folder), `${folder}/`);
    }
    return byFolder;
  });
}
