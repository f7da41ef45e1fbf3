import { EXTENSION_ALIAS, EXTENSIONS } from "./resolve-projects.js";

const ALIASES = new Map(Object.entries(EXTENSION_ALIAS));

/**
 * The file a path-like target (repo-relative, normalised, no `./`) names, answered from the file
 * list alone in oxc-resolver's order: `.js` → `.ts`…, the exact file, added extensions, then the
 * folder's index. Undefined when the list has no answer or when only the disk can tell (a
 * folder with its own package.json): the caller then asks oxc-resolver. Skips the native call
 * for the bulk of imports, which are relative.
 */
export function findListedFile(target: string, files: ReadonlySet<string>): string | undefined {
  const dot = target.lastIndexOf(".");
  const aliases = dot === -1 ? undefined : ALIASES.get(target.slice(dot));
  if (aliases) {
    const stem = target.slice(0, dot);
    for (const extension of aliases) {
      if (files.has(stem + extension)) return stem + extension;
    }
    return undefined;
  }
  if (target !== "") {
    if (files.has(target)) return target;
    for (const extension of EXTENSIONS) {
      if (files.has(target + extension)) return target + extension;
    }
  }
  const folder = target === "" ? "" : `${target}/`;
  if (files.has(`${folder}package.json`)) return undefined;
  for (const extension of EXTENSIONS) {
    if (files.has(`${folder}index${extension}`)) return `${folder}index${extension}`;
  }
  return undefined;
}
