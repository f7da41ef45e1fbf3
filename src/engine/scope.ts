import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Diagnostic } from "../core/types.js";
import { UsageError } from "../core/errors.js";
import { gitRequired } from "../repo/git.js";

/** Which files a run reports on: everything, the given paths, or what a change touched. */
export interface Scope {
  /** Undefined: the whole repo. */
  includes?: (file: string) => boolean;
}

export function pathScope(root: string, cwd: string, paths: readonly string[]): Scope {
  const prefixes = paths.map((path) => {
    const rel = relative(root, resolve(cwd, path)).split("\\").join("/");
    if (rel.startsWith("..")) {
      throw new UsageError(`path is outside the repository: ${path}`, { expected: `a path under ${root}` });
    }
    // A typo must not pass as "nothing to report", as ESLint does for a pattern that matches nothing.
    if (!existsSync(resolve(cwd, path))) {
      throw new UsageError(`no such file or folder: ${path}`, { expected: "a file or folder of this repository" });
    }
    return rel;
  });
  if (prefixes.includes("")) return {};
  return { includes: (file) => prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`)) };
}

/** Files changed since a revision: committed, staged, unstaged and untracked. */
export function changedSince(root: string, rev: string): Set<string> {
  const diff = gitRequired(root, ["diff", "--relative", "--name-only", "-z", "--no-renames", rev, "--"], `cannot diff against "${rev}"`);
  const untracked = gitRequired(root, ["ls-files", "-z", "--others", "--exclude-standard"], "cannot list untracked files");
  return new Set([...diff.split("\0"), ...untracked.split("\0")].filter(Boolean));
}

export function changeScope(changed: Set<string>): Scope {
  return { includes: (file) => changed.has(file) };
}

/** A diagnostic is in scope when its file is, or a place it names (the other end of a link). */
export function inScope(scope: Scope, diagnostic: Diagnostic): boolean {
  if (!scope.includes) return true;
  if (scope.includes(diagnostic.file)) return true;
  return (diagnostic.related ?? []).some((place) => scope.includes!(place.file));
}

export function both(a: Scope, b: Scope): Scope {
  if (!a.includes) return b;
  if (!b.includes) return a;
  return { includes: (file) => a.includes!(file) && b.includes!(file) };
}
