import { lstatSync, mkdirSync, realpathSync, unlinkSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { createExclusive } from "../repo/create-exclusive.js";
import { UsageError } from "../core/errors.js";

export interface NewFile {
  /** Repo-relative path. */
  path: string;
  text: string;
}

/** Whether anything (a file, a folder, a dangling symlink) is at `root/path`. */
export function taken(root: string, path: string): boolean {
  try {
    lstatSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates every file, or none: each appears whole (a temp file beside it, then a hard link,
 * which fails rather than replace what is there), never over an existing file, and never
 * outside the repository (a symlinked folder on the way is refused).
 */
export function writeNewFiles(root: string, files: readonly NewFile[]): void {
  for (const file of files) {
    assertInside(root, file.path);
    if (taken(root, file.path)) throw exists(file.path);
  }
  const created: string[] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      assertInside(root, file.path);
      if (!createExclusive(target, file.text)) throw exists(file.path);
      created.push(target);
    }
  } catch (error) {
    for (const target of created) unlinkSync(target);
    throw error;
  }
}

function exists(path: string): UsageError {
  return new UsageError(`${path} already exists; guard init never overwrites a file, so it wrote nothing`, {
    expected: `no ${path} in the repository`,
    suggestion: `move ${path} away and run guard init again, or run guard init --dry-run to see what it would write`,
  });
}

/** The deepest folder of `path` that exists must resolve inside the repository. */
function assertInside(root: string, path: string): void {
  const realRoot = realpathSync(root);
  let folder = dirname(join(root, path));
  for (;;) {
    try {
      lstatSync(folder);
      break;
    } catch {
      folder = dirname(folder);
    }
  }
  const rel = relative(realRoot, realpathSync(folder));
  if (rel === ".." || rel.startsWith(`..${sep}`) || rel.startsWith(sep)) {
    throw new UsageError(`${path} would be written outside the repository (through a symlinked folder); guard init wrote nothing`, {
      expected: "folders inside the repository",
    });
  }
}
