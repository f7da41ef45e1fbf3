import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A temp file name beside `path`, unique to this process and call. */
export function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Creates `path` with `text` unless something is there; false when it is (someone took the name
 * meanwhile). The file appears whole: written beside it, then hard-linked into place, which
 * fails rather than replace a file. The folder must exist.
 */
export function createExclusive(path: string, text: string, mode?: number): boolean {
  const temp = tempBeside(path);
  writeFileSync(temp, text, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
  if (mode !== undefined) chmodSync(temp, mode); // the umask may have taken bits off
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    // A file system without hard links: an exclusive create is still never an overwrite.
    try {
      writeFileSync(path, text, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    unlinkSync(temp);
  }
}
