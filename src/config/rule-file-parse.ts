import { parseJsonPath } from "../core/json-path.js";
import { didYouMean } from "../core/suggest.js";
import { normaliseExamples } from "./rule-file-examples.js";
import { writtenGlobs } from "./rule-file-globs.js";
import { issueToError, ruleFileError } from "./rule-file-issues.js";
import { ruleFileSchemas } from "./rule-file-schema.js";
import { RULE_FILE_KINDS, type RuleFile, type RuleFileKind } from "./rule-file-types.js";
import { parseYamlSource, type YamlSource } from "./yaml-source.js";

/** RegExp flags a text rule may set; `g` and `y` are how the rule scans, not the user's choice. */
const TEXT_FLAGS = /^[imsuv]*$/;

/**
 * Parses and validates one rule file. `source` is its repo-relative path (used in every error
 * position), `id` the id its path gives it, `reservedIds` the built-in rule ids it must not take.
 * Throws a UsageError with `file:line:col` on the first problem.
 */
export function parseRuleFile(text: string, source: string, id: string, reservedIds: readonly string[] = []): RuleFile {
  const yaml = parseYamlSource(text.replace(/^\uFEFF/, ""), source);
  const value = yaml.value;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw ruleFileError(yaml, [], "a rule file must be a mapping of keys", "keys such as `kind:`, `message:`, `fix:`");
  }
  const kind = checkKind((value as Record<string, unknown>).kind, yaml);
  const schema = ruleFileSchemas[kind];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // A misspelt key (`mesage:`) explains the "missing" one: say that first.
    const issues = parsed.error.issues;
    const issue = issues.find((candidate) => candidate.code === "unrecognized_keys") ?? issues[0]!;
    throw issueToError(issue, yaml, kind, Object.keys(schema.shape));
  }
  const raw = parsed.data as Record<string, unknown> & { severity?: RuleFile["severity"] };
  checkId(raw.id as string | undefined, id, reservedIds, yaml);
  checkKindFields(kind, raw, yaml);
  const base = {
    id,
    source,
    severity: raw.severity ?? "error",
    files: list(raw.files),
    ignore: list(raw.ignore),
    message: raw.message as string,
    fix: raw.fix as string,
    ...(raw.why === undefined ? {} : { why: raw.why as string }),
    examples: normaliseExamples(kind, raw.examples as { bad?: unknown[]; good?: unknown[] } | undefined, yaml),
    globs: writtenGlobs(raw, yaml),
  };
  return { ...base, ...kindFields(kind, raw) } as RuleFile;
}

function checkKind(kind: unknown, yaml: YamlSource): RuleFileKind {
  const expected = `one of: ${RULE_FILE_KINDS.join(", ")}`;
  if (kind === undefined) throw ruleFileError(yaml, [], "a rule file needs `kind:`", expected);
  if (typeof kind === "string" && (RULE_FILE_KINDS as readonly string[]).includes(kind)) return kind as RuleFileKind;
  throw ruleFileError(yaml, ["kind"], `unknown kind "${String(kind)}"`, expected, didYouMean(String(kind), RULE_FILE_KINDS) ?? undefined);
}

function checkId(written: string | undefined, id: string, reservedIds: readonly string[], yaml: YamlSource): void {
  if (written !== undefined && written !== id) {
    throw ruleFileError(
      yaml,
      ["id"],
      `id "${written}" does not match the file's path, which gives "${id}"`,
      `id: ${id} (the path under the rule dir, without .yaml), or no id at all`,
      `remove the \`id:\` line, or rename the file to match "${written}"`,
    );
  }
  if (reservedIds.includes(id)) {
    throw ruleFileError(
      yaml,
      written === undefined ? [] : ["id"],
      `the rule file ${yaml.file} takes the id "${id}" of a built-in rule`,
      "an id no built-in rule has (see `guard rules list`)",
      "rename the file, e.g. into a folder such as learned/ or team/",
    );
  }
}

/** What zod cannot say alone: one of pattern/rule, and a regex that compiles. */
function checkKindFields(kind: RuleFileKind, raw: Record<string, unknown>, yaml: YamlSource): void {
  if (kind === "pattern" && (raw.pattern === undefined) === (raw.rule === undefined)) {
    const both = raw.pattern !== undefined;
    throw ruleFileError(
      yaml,
      both ? ["rule"] : [],
      both ? "a pattern rule has both `pattern:` and `rule:`" : "a pattern rule needs `pattern:` or `rule:`",
      "exactly one of `pattern:` (an ast-grep pattern) and `rule:` (an ast-grep rule object)",
      both ? "put the pattern inside the rule object (`rule: { pattern: ..., inside: ... }`) and remove `pattern:`" : undefined,
      both,
    );
  }
  if (kind === "json-fields") checkJsonFields(raw, yaml);
  if (kind !== "text") return;
  const flags = (raw.flags as string | undefined) ?? "";
  if (!TEXT_FLAGS.test(flags)) {
    throw ruleFileError(yaml, ["flags"], `unsupported regex flags "${flags}"`, "any of the flags i, m, s, u, v", "remove g and y: the rule always finds every match");
  }
  try {
    new RegExp(raw.regex as string, flags);
  } catch (error) {
    throw ruleFileError(yaml, ["regex"], `invalid regex: ${(error as Error).message}`, "a JavaScript regular expression (without slashes)", "escape special characters such as ( [ { with a backslash");
  }
}

const JSON_PATH_HELP = "a path of `$` then `.key`, `[\"key\"]`, `[n]` or `[*]`, e.g. $[*].passes or $.features[*].status";

/** Each `mutable` path parses, and each `transitions` key names one of them (as written, or by its last key). */
function checkJsonFields(raw: Record<string, unknown>, yaml: YamlSource): void {
  const written = raw.mutable;
  const paths = list(written);
  const lastKeys = new Set<string>();
  paths.forEach((path, index) => {
    const parsed = parseJsonPath(path.trim());
    if ("error" in parsed) throw ruleFileError(yaml, Array.isArray(written) ? ["mutable", index] : ["mutable"], `invalid JSONPath "${path}": ${parsed.error}`, JSON_PATH_HELP, "filters, slices, `..` and unions are not supported: list each field");
    const last = parsed.steps[parsed.steps.length - 1];
    if (last && "key" in last) lastKeys.add(last.key);
  });
  const transitions = (raw.transitions ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(transitions)) {
    if (paths.some((path) => path.trim() === key) || lastKeys.has(key)) continue;
    throw ruleFileError(
      yaml,
      ["transitions", key],
      `transitions name "${key}", which no \`mutable\` path ends with`,
      `a mutable path as written, or its last key (${[...lastKeys].join(", ") || "add the field to `mutable` first"})`,
      didYouMean(key, [...lastKeys]) ?? "add the field to `mutable`, or remove its transitions",
      true,
    );
  }
}

function kindFields(kind: RuleFileKind, raw: Record<string, unknown>): Record<string, unknown> {
  switch (kind) {
    case "pattern":
      return { kind, ...pick(raw, ["pattern", "rule", "constraints"]) };
    case "import":
      return { kind, from: list(raw.from), forbid: list(raw.forbid), allow: list(raw.allow) };
    case "placement":
      return { kind, match: list(raw.match), in: list(raw.in) };
    case "co-change":
      return { kind, when: list(raw.when), then: list(raw.then) };
    case "text":
      return { kind, regex: raw.regex, flags: raw.flags ?? "" };
    case "json-fields":
      return { kind, mutable: list(raw.mutable).map((path) => path.trim()), transitions: raw.transitions ?? {}, allowRemove: raw.allowRemove ?? false };
    case "append-only":
      return { kind };
  }
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as string[];
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]));
}
