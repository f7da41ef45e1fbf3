import type { z } from "zod";
import { UsageError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";
import { FIELD_HELP } from "./rule-file-schema.js";
import type { YamlSource } from "./yaml-source.js";

const DOCS = "see docs/rule-files.md for the fields of each kind";

/** A located error in a rule file: exit 2, `file:line:col`, what was expected, what to do. */
export function ruleFileError(
  source: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  expected: string,
  suggestion = DOCS,
  key = false,
): UsageError {
  return new UsageError(message, { where: source.locate(path, key), expected, suggestion });
}

/** The first zod issue of a rule file, said in words, at its place. */
export function issueToError(issue: z.core.$ZodIssue, source: YamlSource, kind: string, knownKeys: readonly string[]): UsageError {
  const path = issue.path;
  const field = path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const where = path.length ? ` in ${field}` : "";
    const keys = path[0] === "examples" ? ["bad", "good"] : knownKeys;
    return ruleFileError(
      source,
      [...path, key],
      `unknown key "${key}"${where} in a ${kind} rule`,
      `one of: ${keys.join(", ")}`,
      didYouMean(key, keys) ?? DOCS,
      true,
    );
  }
  const value = valueAt(source.value, path);
  if (value === undefined && path.length === 1) {
    return ruleFileError(source, [], `a ${kind} rule needs \`${field}:\``, expectedFor(field, issue), DOCS);
  }
  return ruleFileError(source, path, `invalid value for ${field}`, expectedFor(field, issue));
}

function expectedFor(field: string, issue: z.core.$ZodIssue): string {
  const top = field.split(".")[0]!;
  if (FIELD_HELP[top]) return FIELD_HELP[top];
  if (issue.code === "invalid_value") return `one of: ${issue.values.map(String).join(", ")}`;
  if (top === "forbid" || top === "allow") return 'a glob or package name, or a list of them, e.g. ["src/ui/**", "moment"]';
  // Every other field is a glob field (files, ignore, from, forbid, allow, match, in, when, then).
  return 'a glob or a list of globs, e.g. ["src/**/*.ts"]';
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment as string];
  }
  return current;
}
