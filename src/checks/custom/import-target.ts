import { builtinModules } from "node:module";
import { posix } from "node:path";
import { packageNameOf } from "../../graph/resolve-workspaces.js";
import type { ImportEdge } from "../../graph/types.js";

const BUILTINS = new Set(builtinModules);

/** What an import leads to, in the terms `forbid`/`allow` entries are matched against. */
export interface ImportTarget {
  /** The imported repo file (repo-relative), when the import leads to one. */
  path?: string;
  /** The module a bare specifier or built-in names (`moment/locale/fr`, `fs/promises`; no `node:`). */
  module?: string;
  builtin: boolean;
  /** What a finding names: the repo path, or the package name (`moment`, `@scope/pkg`, `fs`). */
  name: string;
  /** What identifies the finding however the specifier is written: the path, or the module. */
  key: string;
}

/** A specifier that names a package, a built-in or an alias rather than a path. */
function isBare(specifier: string): boolean {
  return specifier !== "" && !specifier.startsWith(".") && !specifier.startsWith("/");
}

function packageTarget(module: string, builtin: boolean, path?: string): ImportTarget {
  return { ...(path === undefined ? {} : { path }), module, builtin, name: packageNameOf(module), key: module };
}

/**
 * The target of an import in the graph. A bare specifier is a module however it resolves, so
 * `@acme/legacy` forbids a workspace package that resolves to a repo file as well; a relative
 * import that names no file has nothing to match (arch/unresolved reports it).
 */
export function targetOfEdge(edge: ImportEdge): ImportTarget | undefined {
  const { resolution, specifier } = edge;
  switch (resolution.kind) {
    case "local":
      return isBare(specifier)
        ? { ...packageTarget(specifier, false, resolution.path), name: resolution.path, key: resolution.path }
        : { path: resolution.path, builtin: false, name: resolution.path, key: resolution.path };
    case "builtin":
      return packageTarget(resolution.name, true);
    case "external": {
      if (isBare(specifier)) return packageTarget(specifier, false);
      // A relative import of a build output nobody built (`../lib/cli`): a repo path all the same.
      const path = resolution.packageName;
      return path.startsWith("../") || path.startsWith("/") ? undefined : { path, builtin: false, name: path, key: path };
    }
    case "unresolved":
      return isBare(specifier) ? packageTarget(specifier, BUILTINS.has(specifier)) : undefined;
  }
}

/**
 * The target of an example's `import:` (a repo path or a package name). A relative one is
 * resolved against the example's file by text; a bare one is read both ways, as a repo path and
 * as a module, since an example cannot say which it means and the entries decide.
 */
export function targetOfExample(file: string, written: string): ImportTarget | undefined {
  const text = written.trim();
  if (text.startsWith("node:")) return packageTarget(text.slice("node:".length), true);
  if (text.startsWith("/")) return pathTarget(text.replace(/^\/+/, ""));
  if (text === "." || text === ".." || text.startsWith("./") || text.startsWith("../")) {
    const path = posix.normalize(posix.join(posix.dirname(file), text));
    return path.startsWith("../") || path === ".." ? undefined : pathTarget(path);
  }
  if (text === "") return undefined;
  return { ...packageTarget(text, BUILTINS.has(text) || BUILTINS.has(packageNameOf(text)), text) };
}

function pathTarget(path: string): ImportTarget {
  return { path, builtin: false, name: path, key: path };
}
