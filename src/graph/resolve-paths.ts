import { realpathSync } from "node:fs";
import { posix } from "node:path";

/** Small path helpers of the resolver; repo-relative paths use `/` and "" for the root. */

/** `directory` + a relative specifier, normalised; undefined when it climbs out of the repo. */
export function joinRelative(directory: string, specifier: string): string | undefined {
  const parts = directory === "" ? [] : directory.split("/");
  for (const segment of specifier.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") parts.push(segment);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.join("/");
}

/** Relative (`./`, `../`, `.`, `..`) or absolute: never looked up as a package. */
export function isPathLike(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/");
}

/** The folder of a repo-relative path ("" for the root). */
export function parentOf(path: string): string {
  const parent = posix.dirname(path);
  return parent === "." ? "" : parent;
}

/** The real path of the repo root: oxc-resolver answers with real paths. */
export function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
