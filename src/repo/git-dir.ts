import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * Where guard keeps its caches for the repository at `root`:
 *
 * - `node_modules/.cache/guard` when `root` has a node_modules folder (the usual home of tool
 *   caches, SPEC §9; we never create node_modules);
 * - else `guard-cache/` inside the git dir of the work tree holding `root` (`.git/guard-cache`,
 *   or for a linked worktree, whose `.git` is a file, its own `.git/worktrees/<name>/guard-cache`):
 *   git never lists, commits or cleans what is in there, and a fresh clone gets a warm second run.
 *   A config root below the work tree's top gets a subfolder of its own, since the caches hold
 *   paths relative to the root.
 * - else (no node_modules, not in git) undefined: no cache.
 *
 * Found from the file system alone (no git process): this runs on every check.
 */
export function cacheHome(root: string): string | undefined {
  const modules = join(root, "node_modules");
  if (isFolder(modules)) return join(modules, ".cache", "guard");
  const git = gitDirOf(root);
  if (!git) return undefined;
  const below = relative(git.workTree, resolve(root));
  const folder = join(git.gitDir, "guard-cache");
  return below === "" ? folder : join(folder, `root-${createHash("sha1").update(below.split("\\").join("/")).digest("hex").slice(0, 12)}`);
}

/**
 * The git dir of the work tree holding `start` and that work tree's top folder: the nearest
 * `.git` folder above, or the folder a `.git` file names (`gitdir: <path>`, as in linked
 * worktrees and submodules). Undefined outside git or when `.git` cannot be read.
 */
export function gitDirOf(start: string): { gitDir: string; workTree: string } | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    const kind = entryKind(dotGit);
    if (kind === "folder") return { gitDir: dotGit, workTree: dir };
    if (kind === "file") {
      const named = gitDirInFile(dotGit);
      return named && isFolder(named) ? { gitDir: named, workTree: dir } : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function gitDirInFile(file: string): string | undefined {
  try {
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(file, "utf8"));
    if (!match) return undefined;
    return isAbsolute(match[1]!) ? match[1]! : resolve(dirname(file), match[1]!);
  } catch {
    return undefined;
  }
}

function entryKind(path: string): "folder" | "file" | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : undefined;
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  return entryKind(path) === "folder";
}
