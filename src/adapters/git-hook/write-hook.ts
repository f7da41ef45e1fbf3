import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createExclusive, tempBeside } from "../../repo/create-exclusive.js";

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

/**
 * Creates `path` whole (a temp file, then a hard link, which fails rather than replace a file
 * that appeared meanwhile). Returns false when something is already there.
 */
export function createHookFile(path: string, text: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  return createExclusive(path, text, 0o755);
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
