import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { gitBuffer } from "./git.js";

export interface ListedFile {
  path: string;
  /** Set for symlinks. */
  symlink?: boolean;
  /** Blob id when listed from the git index. */
  blob?: string;
}

/** Files of the work tree: tracked and untracked, not ignored, not deleted. One git process. */
export function listWorktreeFiles(root: string, inGit: boolean): ListedFile[] {
  const paths = inGit ? gitPaths(root) : walk(root);
  const files: ListedFile[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = lstatSync(join(root, path));
    } catch {
      continue; // deleted in the work tree (or while we looked): not there to check
    }
    if (stat.isSymbolicLink()) files.push({ path, symlink: true });
    else if (stat.isFile()) files.push({ path });
  }
  return files;
}

function gitPaths(root: string): string[] {
  const out = gitBuffer(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  if (!out) return walk(root);
  return unique(out.toString("utf8").split("\0").filter(Boolean));
}

/** Files in the git index (what `--staged` checks): mode, blob and path; stage 0 wins on conflicts. */
export function listIndexFiles(root: string): ListedFile[] {
  const out = gitBuffer(root, ["ls-files", "-z", "--stage"]);
  if (!out) return [];
  const byPath = new Map<string, ListedFile>();
  for (const entry of out.toString("utf8").split("\0")) {
    const match = /^(\d{6}) ([0-9a-f]+) (\d)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, blob, stage, path] = match;
    if (mode === "160000") continue; // a submodule, not a file
    if (byPath.has(path!) && stage !== "0") continue;
    byPath.set(path!, { path: path!, blob: blob!, ...(mode === "120000" ? { symlink: true } : {}) });
  }
  return [...byPath.values()];
}

/**
 * Outside git: a walk that honours every .gitignore on the way down. It never follows a
 * symlinked folder (so no loops and no escape from the repo); .git and node_modules are skipped.
 */
function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, rules: { base: string; matcher: Ignore }[]) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    const local = readIgnoreFile(root, dir);
    const active = local ? [...rules, { base: dir, matcher: local }] : rules;
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const isDir = entry.isDirectory();
      if (isIgnored(active, path, isDir)) continue;
      if (isDir) visit(path, active);
      else found.push(path);
    }
  };
  visit("", []);
  return found;
}

function readIgnoreFile(root: string, dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(root, dir, ".gitignore"), "utf8"));
  } catch {
    return undefined;
  }
}

function isIgnored(rules: { base: string; matcher: Ignore }[], path: string, isDir: boolean): boolean {
  return rules.some(({ base, matcher }) => {
    const relative = base ? path.slice(base.length + 1) : path;
    return matcher.ignores(isDir ? `${relative}/` : relative);
  });
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
