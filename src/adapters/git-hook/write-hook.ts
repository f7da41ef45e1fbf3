import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A hook file as it is on disk, or undefined when there is none. */
export interface HookFile {
  text: string;
  isFolder: boolean;
  isSymlink: boolean;
  executable: boolean;
  mode: number;
}

export function readHookFile(path: string): HookFile | undefined {
  let link;
  try {
    link = lstatSync(path);
  } catch {
    return undefined;
  }
  if (link.isDirectory()) return { text: "", isFolder: true, isSymlink: false, executable: false, mode: link.mode };
  let text = "";
  let mode = link.mode;
  try {
    text = readFileSync(path, "utf8");
    mode = statSync(path).mode;
  } catch {
    // A dangling symlink: judged by isSymlink.
  }
  return { text, isFolder: false, isSymlink: link.isSymbolicLink(), executable: (mode & 0o111) !== 0, mode };
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Creates `path` whole (a temp file, then a hard link, which fails rather than replace a file
 * that appeared meanwhile). Returns false when something is already there.
 */
export function createHookFile(path: string, text: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempBeside(path);
  writeFileSync(temp, text, { flag: "wx", mode: 0o755 });
  chmodSync(temp, 0o755); // the umask may have taken the x bits off
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    // A file system without hard links: an exclusive create is still never an overwrite.
    try {
      writeFileSync(path, text, { flag: "wx", mode: 0o755 });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces `path` with `text` atomically (temp file beside it, then rename), keeping its mode. */
export function replaceHookFile(path: string, text: string, mode: number): void {
  const temp = tempBeside(path);
  writeFileSync(temp, text, { flag: "wx" });
  try {
    chmodSync(temp, mode & 0o7777);
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}
