import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import { BASELINE_MARK } from "./baseline-file.js";

/**
 * Writes `text` to `root/path` atomically: a temp file in the same folder, then a rename, so a
 * reader never sees half a file. Refuses a path that leads outside the repository through a
 * symlinked folder.
 */
export function writeInRepo(root: string, path: string, text: string): void {
  const target = join(root, path);
  assertInside(root, dirname(target), path);
  mkdirSync(dirname(target), { recursive: true });
  assertInside(root, dirname(target), path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A file at the baseline path that `guard baseline` did not write is the user's: never overwrite it. */
export function assertRewritable(root: string, path: string): void {
  const target = join(root, path);
  if (!existsSync(target)) return;
  const stat = lstatSync(target);
  const head = stat.isFile() ? readFileSync(target, "utf8").slice(0, 4096) : "";
  // Written by guard baseline (its note), or at least shaped like a baseline (edited by hand).
  if (!head.includes(BASELINE_MARK) && !/^\s*\{[^]*"entries"\s*:\s*\[/.test(head)) {
    throw new UsageError(`${path} exists and was not written by guard baseline; it is left as it is`, {
      expected: "no file at the baseline path, or one that guard baseline wrote",
      suggestion: "set `baseline:` in guard.yaml to another path, or move the file away",
    });
  }
}

export type AttributesChange = "created" | "appended" | "present";

/**
 * Makes git merge the baseline with the union driver, which keeps the lines of both sides:
 * adds `<path> merge=union` to the root .gitattributes unless a line already says so. Existing
 * lines are kept as they are.
 */
export function ensureUnionMerge(root: string, path: string): { change: AttributesChange; line: string } {
  const pattern = attributePattern(path);
  const line = `${pattern} merge=union`;
  const file = join(root, ".gitattributes");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (existing !== undefined && declaresUnion(existing, path)) return { change: "present", line };
  const eol = existing?.includes("\r\n") ? "\r\n" : "\n";
  const prefix = existing === undefined || existing === "" || existing.endsWith("\n") ? (existing ?? "") : `${existing}${eol}`;
  writeInRepo(root, ".gitattributes", `${prefix}${line}${eol}`);
  return { change: existing === undefined ? "created" : "appended", line };
}

/** Whether some line gives exactly this path `merge=union` (git lets the last matching line win). */
function declaresUnion(text: string, path: string): boolean {
  const wanted = new Set([path, `/${path}`, attributePattern(path)]);
  let union = false;
  for (const raw of text.split(/\r?\n/)) {
    const [pattern, ...attributes] = raw.trim().split(/\s+/);
    if (!pattern || pattern.startsWith("#") || !wanted.has(pattern)) continue;
    const merge = attributes.find((attribute) => /^-?!?merge(=|$)/.test(attribute));
    if (merge !== undefined) union = merge === "merge=union";
  }
  return union;
}

/** The path as a gitattributes pattern: anchored to the root, glob characters escaped, quoted if it has spaces. */
function attributePattern(path: string): string {
  const escaped = `/${path.replace(/[*?[\]\\]/g, (char) => `\\${char}`)}`;
  return /\s|"/.test(escaped) ? `"${escaped.replace(/["\\]/g, (char) => `\\${char}`)}"` : escaped;
}

function assertInside(root: string, folder: string, path: string): void {
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const realRoot = realpathSync(root);
  const real = realpathSync(existing);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) {
    throw new UsageError(`${path} would be written outside the repository (through a symlinked folder)`, {
      expected: "a baseline path whose folders are inside the repository",
      suggestion: "set `baseline:` in guard.yaml to a path inside the repository",
    });
  }
}
