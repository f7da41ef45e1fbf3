import { posix } from "node:path";
import { closest } from "../../core/suggest.js";
import type { Workspace } from "../workspace.js";

/** The names directly inside each listed folder ("" is the root), built once per run. */
export function childrenIndex(workspace: Workspace): Map<string, string[]> {
  return workspace.shared("path-children", () => {
    const children = new Map<string, Set<string>>();
    const add = (dir: string, name: string) => {
      let names = children.get(dir);
      if (!names) children.set(dir, (names = new Set()));
      names.add(name);
    };
    for (const file of workspace.repo.files) {
      let path = file;
      while (path !== "") {
        const dir = parentOf(path);
        add(dir, posix.basename(path));
        path = dir;
      }
    }
    return new Map([...children].map(([dir, names]) => [dir, [...names]]));
  });
}

/** Every listed folder, for globs that name folders (`packages/*`). */
export function directories(workspace: Workspace): string[] {
  return workspace.shared("path-directories", () => [...childrenIndex(workspace).keys()].filter((dir) => dir !== ""));
}

function parentOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

/**
 * The existing path closest to a missing one, fixing one segment at a time (a typo in a folder
 * name and one in the file name both get found), or undefined when nothing is close.
 */
export function closestPath(workspace: Workspace, missing: string): string | undefined {
  const children = childrenIndex(workspace);
  let current = "";
  for (const segment of missing.split("/")) {
    const next = current === "" ? segment : `${current}/${segment}`;
    if (workspace.repo.exists(next)) {
      current = next;
      continue;
    }
    const near = closest(segment, children.get(current) ?? []);
    if (near === undefined) return undefined;
    current = current === "" ? near : `${current}/${near}`;
  }
  return current !== missing && workspace.repo.exists(current) ? current : undefined;
}

// What a module path written without its extension, or with the `.js` TypeScript resolves to `.ts`, names.
const SOURCE_OF = new Map([[".js", [".ts", ".tsx"]], [".jsx", [".tsx"]], [".mjs", [".mts"]], [".cjs", [".cts"]]]);

/**
 * A path that exists, or that names a file as an import would: `src/email/render` for
 * `src/email/render.ts`, `docs/guide` for `docs/guide.md`, `src/x.js` for `src/x.ts`.
 */
export function namesSomething(workspace: Workspace, path: string): boolean {
  if (workspace.repo.exists(path)) return true;
  const extension = posix.extname(path);
  const sources = SOURCE_OF.get(extension);
  if (sources) return sources.some((source) => workspace.repo.hasFile(path.slice(0, -extension.length) + source));
  if (extension !== "") return false;
  const name = posix.basename(path);
  const dir = parentOf(path);
  const siblings = childrenIndex(workspace).get(dir) ?? [];
  return siblings.some((child) => child.startsWith(`${name}.`) && workspace.repo.hasFile(dir === "" ? child : `${dir}/${child}`));
}
