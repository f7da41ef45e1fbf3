import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import type { DraftRule } from "./types.js";

export interface NoteResult {
  /** Repo-relative path of the AGENTS.md that got the lesson. */
  file: string;
  line: string;
}

const LESSONS = /^##[ \t]+Lessons[ \t]*#*[ \t]*$/;
const HEADING = /^(#{1,6})[ \t]/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/**
 * `--note`: one line under `## Lessons` in the AGENTS.md nearest to the rule's area (walking up
 * to the root; the root's, created if need be, when there is none): what not to do, and the
 * rule that now enforces it. Everything else in the file stays byte for byte; the write is
 * atomic (temp file + rename).
 */
export function addLesson(root: string, rule: DraftRule, source: string): NoteResult {
  const file = nearestMap(root, areaFolder(rule));
  const full = join(root, file);
  if (existsSync(full) && !isFileInside(realpathSync(root), full)) {
    throw new UsageError(`${file} is not a file inside the repository (a symlink out of it?), so the lesson was not added`);
  }
  const link = posix.relative(posix.dirname(file), source);
  const line = `- ${lessonText(rule)} (rule: [${rule.id}](${link})).`;
  const before = existsSync(full) ? readFileSync(full, "utf8") : "";
  writeAtomic(full, withLesson(before, line));
  return { file, line };
}

/** The folder a rule is about: the fixed start of its first scope glob (`src/domain/**` → `src/domain`). */
export function areaFolder(rule: DraftRule): string {
  const globs = rule.files.length > 0 ? rule.files : rule.kind === "import" ? rule.from : rule.kind === "co-change" ? rule.when : rule.kind === "placement" ? rule.in : [];
  const first = globs[0];
  if (!first) return "";
  const fixed: string[] = [];
  for (const segment of first.split("/")) {
    if (/[*?[\]{}()!]/.test(segment)) break;
    fixed.push(segment);
  }
  // A last fixed segment with an extension names a file, not a folder.
  if (fixed.length === first.split("/").length && /\.[^/]+$/.test(fixed[fixed.length - 1] ?? "")) fixed.pop();
  return fixed.join("/");
}

/** The AGENTS.md in `folder` or the closest one above it; the root's when there is none. */
function nearestMap(root: string, folder: string): string {
  const realRoot = realpathSync(root);
  for (let dir = folder; dir !== "" && dir !== "."; dir = posix.dirname(dir) === "." ? "" : posix.dirname(dir)) {
    const candidate = `${dir}/AGENTS.md`;
    if (isFileInside(realRoot, join(root, candidate))) return candidate;
  }
  return "AGENTS.md";
}

function isFileInside(realRoot: string, path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const rel = relative(realRoot, realpathSync(path));
    return !rel.startsWith("..") && !rel.startsWith(sep);
  } catch {
    return false;
  }
}

/**
 * "Domain code must not call `moment()`; use `new Date()` instead of `moment(ordered)`": the
 * first clause of the message and of the fix (without "…, as a3f9c1e did"). Paths lose their
 * backticks: a map's inline-code paths are checked against the map's folder (agents/missing-path),
 * and a path written in a rule message is relative to something else.
 */
function lessonText(rule: DraftRule): string {
  const message = firstClause(rule.message);
  const fix = firstClause(rule.fix.replace(/,\s+as\s+[^,;.]*\s+did\b.*$/s, ""));
  const text = fix ? `${message}; ${fix.charAt(0).toLowerCase()}${fix.slice(1)}` : message;
  return text.replace(/`([^`\n]*)`/g, (code, inner: string) => (isPathLike(inner) ? inner : code));
}

function firstClause(text: string): string {
  const line = text.trim().split("\n")[0]!.trim();
  const end = /[.!?](\s|$)|;\s/.exec(line);
  return (end ? line.slice(0, end.index) : line).replace(/[.:;,]+$/, "").trim();
}

function isPathLike(code: string): boolean {
  return /^\.{0,2}\//.test(code) || (/^[\w.@-]+(\/[\w.*@-]+)+\/?$/.test(code) && !/\(/.test(code));
}

/** The file with `line` appended at the end of its `## Lessons` section (added at the end when missing). */
export function withLesson(text: string, line: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  let inFence = false;
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    if (FENCE.test(current)) inFence = !inFence;
    if (inFence) continue;
    if (start < 0 && LESSONS.test(current)) start = i;
    else if (start >= 0 && (HEADING.exec(current)?.[1]?.length ?? 7) <= 2) {
      end = i;
      break;
    }
  }
  if (start < 0) {
    const body = text === "" ? "" : text.endsWith("\n") ? `${text}${eol}` : `${text}${eol}${eol}`;
    return `${body}## Lessons${eol}${eol}${line}${eol}`;
  }
  // After the section's last non-blank line, so the blank line before the next heading stays.
  let last = end - 1;
  while (last > start && lines[last]!.trim() === "") last--;
  const insertAt = last === start ? start + 1 : last + 1;
  const added = last === start ? ["", line] : [line];
  const result = [...lines.slice(0, insertAt), ...added, ...lines.slice(insertAt)];
  const joined = result.join(eol);
  // A file that ended at the lesson's place still ends with one line break.
  return insertAt >= lines.length || (insertAt === lines.length - 1 && lines[lines.length - 1] === "") ? ensureEol(joined, eol) : joined;
}

function ensureEol(text: string, eol: string): string {
  return text.endsWith(eol) ? text : `${text}${eol}`;
}

function writeAtomic(path: string, text: string): void {
  const target = existsSync(path) ? realpathSync(path) : path;
  const temp = join(dirname(target), `.AGENTS.md.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const mode = existsSync(target) ? statSync(target).mode & 0o777 : 0o644;
    writeFileSync(temp, text, { flag: "wx", mode });
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}
