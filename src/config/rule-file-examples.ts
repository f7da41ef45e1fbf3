import { ruleFileError } from "./rule-file-issues.js";
import type { FilePlace, RuleExample, RuleFileKind } from "./rule-file-types.js";
import type { YamlSource } from "./yaml-source.js";

type Side = "bad" | "good";

const FORMS: Record<RuleFileKind, string> = {
  pattern: 'a code snippet string, or { file: src/a.ts, code: "..." }',
  text: 'a text snippet string, or { file: config/app.yaml, code: "..." }',
  import: 'a string "<file> -> <import>", or { file: src/a.ts, import: src/b.ts } (import: a repo path or a package name)',
  placement: "a repo path string, e.g. src/utils/date.ts",
  "co-change": "a list of changed paths, or { changed: [src/api/x.ts, docs/api.md] }",
  "json-fields": '{ before: "<the file\'s text before>", after: "<after>" } (leave one out for a new or deleted file)',
  "append-only": '{ before: "<the file\'s text before>", after: "<after>" } (leave one out for a new or deleted file)',
};

/** `file:line:col` → the line and column, for positions kept in the model. */
export function placeOf(where: string): FilePlace {
  const match = /:(\d+):(\d+)$/.exec(where);
  return { line: Number(match?.[1] ?? 1), column: Number(match?.[2] ?? 1) };
}

/** Normalises `examples.bad` and `examples.good` of one rule file, each with its place in the file. */
export function normaliseExamples(
  kind: RuleFileKind,
  raw: { bad?: unknown[]; good?: unknown[] } | undefined,
  source: YamlSource,
): { bad: RuleExample[]; good: RuleExample[] } {
  const side = (name: Side): RuleExample[] =>
    (raw?.[name] ?? []).map((value, index) => {
      const path = ["examples", name, index];
      const example = normaliseOne(kind, value);
      if (!example) {
        throw ruleFileError(source, path, `examples.${name}[${index}] is not a ${kind} example`, FORMS[kind]);
      }
      return { ...example, ...placeOf(source.locate(path)) };
    });
  return { bad: side("bad"), good: side("good") };
}

type Fields = Omit<RuleExample, "line" | "column">;

function normaliseOne(kind: RuleFileKind, value: unknown): Fields | undefined {
  switch (kind) {
    case "pattern":
    case "text":
      if (typeof value === "string") return { code: value };
      return objectWith(value, ["code"], ["file"]);
    case "import":
      if (typeof value === "string") return arrowForm(value);
      return objectWith(value, ["file", "import"], []);
    case "placement":
      if (typeof value === "string") return nonEmpty(value) ? { file: value.trim() } : undefined;
      return objectWith(value, ["file"], []);
    case "co-change": {
      const list = Array.isArray(value) ? value : objectWith(value, ["changed"], [], true)?.changed;
      if (!Array.isArray(list) || list.length === 0 || !list.every(nonEmpty)) return undefined;
      return { changed: list.map((path: string) => path.trim()) };
    }
    case "json-fields":
    case "append-only":
      return beforeAfter(value);
  }
}

/** `{ before, after }`: texts kept byte for byte; at least one side. */
function beforeAfter(value: unknown): Fields | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((key) => key !== "before" && key !== "after")) return undefined;
  const { before, after } = record;
  if (before === undefined && after === undefined) return undefined;
  if ((before !== undefined && typeof before !== "string") || (after !== undefined && typeof after !== "string")) return undefined;
  return { ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** `"src/domain/a.ts -> moment"`: the importing file and what it imports. */
function arrowForm(value: string): Fields | undefined {
  const parts = value.split("->").map((part) => part.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { file: parts[0], import: parts[1] };
}

/** A mapping with exactly these keys (required, then optional) and nothing else; strings unless `anyValue`. */
function objectWith(value: unknown, required: string[], optional: string[], anyValue = false): Record<string, unknown> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const allowed = [...required, ...optional];
  if (Object.keys(record).some((key) => !allowed.includes(key))) return undefined;
  if (anyValue) return required.every((key) => record[key] !== undefined) ? record : undefined;
  if (!required.every((key) => nonEmpty(record[key]))) return undefined;
  if (!optional.every((key) => record[key] === undefined || nonEmpty(record[key]))) return undefined;
  // Code keeps its whitespace (indentation matters to a snippet); paths do not.
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, key === "code" ? v : String(v).trim()]));
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}
