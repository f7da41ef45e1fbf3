import type { z } from "zod";
import { UsageError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";
import { configSchema, type RawConfig } from "./schema.js";
import type { YamlSource } from "./yaml-source.js";

/** Validates a parsed guard.yaml; the first problem becomes a located UsageError (exit 2). */
export function validateConfig(source: YamlSource, knownRules: readonly string[]): RawConfig {
  const value = source.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError("the config must be a mapping of keys", {
      where: source.locate([]),
      expected: "keys such as `extends:`, `agents:`, `docs:`, `rules:`",
    });
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) throw issueToError(parsed.error.issues[0]!, source);
  const config = parsed.data;
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRules.includes(id)) {
      throw new UsageError(`unknown rule "${id}"`, {
        where: source.locate(["rules", id], true),
        expected: "a rule id listed by `guard rules list`",
        suggestion: didYouMean(id, knownRules) ?? "run `guard rules list` to see every rule id",
      });
    }
    checkSeverityKey(id, config.rules![id]!, source);
  }
  return config;
}

/**
 * A rule's mapping holds its options, which rules read themselves; but a near miss of
 * `severity` (`severty: off`) would silently leave the rule on, so it is an error here.
 */
function checkSeverityKey(id: string, setting: unknown, source: YamlSource): void {
  if (typeof setting !== "object" || setting === null) return;
  for (const key of Object.keys(setting)) {
    if (key === "severity" || !didYouMean(key, ["severity"])) continue;
    throw new UsageError(`unknown key "${key}" in rules.${id}`, {
      where: source.locate(["rules", id, key], true),
      expected: "`severity: off | warn | error` and the rule's own options",
      suggestion: didYouMean(key, ["severity"]),
    });
  }
}

function issueToError(issue: z.core.$ZodIssue, source: YamlSource): UsageError {
  const path = issue.path;
  const dotted = path.length ? describePath(path) : "the top level";
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    return new UsageError(`unknown key "${key}" in ${dotted}`, {
      where: source.locate([...path, key], true),
      expected: `one of: ${knownKeysAt(path).join(", ")}`,
      suggestion: didYouMean(key, knownKeysAt(path)) ?? "remove it, or see docs/configuration.md",
    });
  }
  return new UsageError(`invalid value for ${dotted}`, {
    where: source.locate(path),
    expected: describeExpectation(issue),
    suggestion: "see docs/configuration.md for every key and its type",
  });
}

/** `["layers", 0, "paths"]` → `layers[0].paths`, as a user would write it in words. */
function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index ? "." : ""}${String(segment)}`))
    .join("");
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "array" ? "a list, e.g. [\"docs/**\"]" : `a value of type ${issue.expected}`;
    case "invalid_value":
      return `one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_union":
      return "off, warn, error, or a mapping with `severity:` and the rule's options";
    case "too_small":
      return issue.origin === "array" ? "a non-empty list" : issue.origin === "string" ? "a non-empty string" : `at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

/** The keys the schema accepts at a path, for "expected" and "did you mean". */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (shape && typeof segment === "string" && segment in shape) schema = shape[segment];
    else if ((schema as { element?: unknown }).element) schema = (schema as { element: unknown }).element;
    else return [];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; element?: unknown };
  while (typeof current?.unwrap === "function") current = current.unwrap() as typeof current;
  return current;
}
