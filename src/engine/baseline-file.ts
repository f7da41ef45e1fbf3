import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import type { Diagnostic } from "../core/types.js";
import { jsonErrorOffset, lineColumn } from "./baseline-json-error.js";

/** One recorded finding. Matching uses the fingerprint only; the rest is for people and messages. */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  message: string;
  /** 1-based line of the entry in the baseline file (0 when it cannot be told). */
  line: number;
}

/** Found in every file `guard baseline` writes: a file without it is never overwritten. */
export const BASELINE_MARK = "guard baseline";

/**
 * A JSON file laid out for git: the header and the last line never change, and each entry
 * sits on its own line ending with a comma. Two branches that each add entries then merge
 * with git's `merge=union` driver (which keeps both sides' lines) into valid JSON, because the
 * `{"end": true}` line closes the list after any number of comma-terminated entries.
 */
const HEADER =
  '{"version": 1, "note": "Findings recorded by `guard baseline`; guard check fails only on findings not listed here. ' +
  'One entry a line, each ending with a comma, so that merge=union in .gitattributes merges branches cleanly. ' +
  'Do not edit by hand: fix findings and run guard baseline again.", "entries": [';
const END = '{"end": true}]}';

const EXPECTED = 'the JSON file `guard baseline` writes: {"version": 1, "entries": [ one {"fingerprint", "rule", "file", "message"} object a line, … {"end": true}]}';
const SUGGESTION = "run `guard baseline` to write the file again from the current findings";

/** The baseline text for these findings: one entry per fingerprint, sorted by fingerprint. */
export function formatBaseline(diagnostics: readonly Diagnostic[]): { text: string; entries: number } {
  const byFingerprint = new Map<string, string>();
  for (const { fingerprint, rule, file, message } of diagnostics) {
    byFingerprint.set(fingerprint, JSON.stringify({ fingerprint, rule, file, message }));
  }
  const lines = [...byFingerprint.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, json]) => `${json},`);
  return { text: [HEADER, ...lines, END, ""].join("\n"), entries: lines.length };
}

/** The baseline at `path` (repo-relative), or undefined when there is none. Malformed: UsageError. */
export function readBaseline(root: string, path: string): BaselineEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, path), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new UsageError(`cannot read the baseline ${path}: ${(error as Error).message}`, { expected: EXPECTED, suggestion: SUGGESTION });
  }
  return parseBaseline(text, path);
}

export function parseBaseline(raw: string, path: string): BaselineEntry[] {
  const text = raw.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset >= 0 ? offset : 0);
    const reason = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    throw new UsageError(`invalid baseline: ${reason}`, { where: `${path}:${line}:${column}`, expected: EXPECTED, suggestion: SUGGESTION });
  }
  const problem = (message: string, line = 1, column = 1): UsageError =>
    new UsageError(`invalid baseline: ${message}`, { where: `${path}:${line}:${column}`, expected: EXPECTED, suggestion: SUGGESTION });
  if (!isObject(value) || !Array.isArray(value.entries)) throw problem('expected an object with an "entries" list');
  if (value.version !== 1) throw problem(`version ${JSON.stringify(value.version)} is not one this guard reads (1)`);
  const lines = fingerprintLines(text);
  const entries: BaselineEntry[] = [];
  value.entries.forEach((item, index) => {
    if (isObject(item) && item.end === true) return;
    const fields = isObject(item) ? item : {};
    const line = typeof fields.fingerprint === "string" ? (lines.get(fields.fingerprint) ?? 0) : 0;
    for (const key of ["fingerprint", "rule", "file"]) {
      if (typeof fields[key] !== "string" || fields[key] === "") {
        throw problem(`entry ${index + 1} has no "${key}" text`, Math.max(line, 1));
      }
    }
    entries.push({
      fingerprint: fields.fingerprint as string,
      rule: fields.rule as string,
      file: fields.file as string,
      message: typeof fields.message === "string" ? fields.message : "",
      line,
    });
  });
  return entries;
}

const FINGERPRINT = /"fingerprint"\s*:\s*"([^"\\]*)"/;

/** The first line each fingerprint is written on, so a stale entry can point at its line. */
function fingerprintLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split("\n").forEach((line, index) => {
    const match = FINGERPRINT.exec(line);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, index + 1);
  });
  return lines;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The configured baseline path, repo-relative with `/`; a path outside the repository is a config error. */
export function baselinePath(root: string, configured: string, configFile: string | undefined): string {
  const path = relative(root, resolve(root, configured)).split(sep).join("/");
  if (path === "" || path === ".." || path.startsWith("../") || isAbsolute(path)) {
    throw new UsageError(`baseline: "${configured}" is not a file inside the repository`, {
      where: configFile,
      expected: "a repo-relative file path such as .guard/baseline.json",
      suggestion: "remove the baseline key to use the default .guard/baseline.json",
    });
  }
  return path;
}
