import { z } from "zod";
import type { RuleFileKind } from "./rule-file-types.js";

/**
 * The shape of a rule file (SPEC §4), one strict object per kind so that an unknown key gets a
 * "did you mean" among the keys of that kind. Examples are checked per kind in
 * rule-file-examples.ts, where each one keeps its position.
 */
const text = z.string().trim().min(1);
/** A glob or a list of them: `from: src/features/{f}/**` reads as naturally as a list. */
const globs = z.union([text, z.array(text)]);
const astGrepRule = z.record(z.string(), z.unknown());

const common = {
  id: text.optional(),
  kind: z.string(),
  severity: z.enum(["error", "warn", "off"]).optional(),
  files: globs.optional(),
  ignore: globs.optional(),
  message: text,
  fix: text,
  why: text.optional(),
  examples: z
    .strictObject({ bad: z.array(z.unknown()).optional(), good: z.array(z.unknown()).optional() })
    .optional(),
};

export const ruleFileSchemas = {
  pattern: z.strictObject({
    ...common,
    pattern: text.optional(),
    rule: astGrepRule.optional(),
    constraints: z.record(z.string(), astGrepRule).optional(),
  }),
  import: z.strictObject({ ...common, from: globs, forbid: globs, allow: globs.optional() }),
  placement: z.strictObject({ ...common, match: globs, in: globs }),
  "co-change": z.strictObject({ ...common, when: globs, then: globs }),
  text: z.strictObject({ ...common, regex: z.string().min(1), flags: z.string().optional() }),
  "json-fields": z.strictObject({
    ...common,
    files: globs,
    mutable: globs.optional(),
    transitions: z.record(z.string(), z.array(z.tuple([z.unknown(), z.unknown()]))).optional(),
    allowRemove: z.boolean().optional(),
  }),
  "append-only": z.strictObject({ ...common, files: globs }),
} satisfies Record<RuleFileKind, z.ZodType>;

export type RawRuleFile = z.infer<(typeof ruleFileSchemas)[RuleFileKind]>;

/** Fields that hold globs (or, for import rules, package names too), in the order they are reported. */
export const GLOB_FIELDS = ["files", "ignore", "from", "forbid", "allow", "match", "in", "when", "then"] as const;

/** What each field holds, for "expected" when it is missing or of the wrong type. */
export const FIELD_HELP: Record<string, string> = {
  kind: "one of: pattern, import, placement, co-change, text, json-fields, append-only",
  severity: "one of: error, warn, off",
  message: "a non-empty string: what is wrong, in one sentence",
  fix: "a non-empty string: what to do instead, as an instruction an agent can follow",
  why: "a string: where the rule comes from",
  pattern: "an ast-grep pattern string, e.g. moment($$$ARGS)",
  rule: "an ast-grep rule object, e.g. { pattern: ..., inside: ... }",
  constraints: "a mapping from metavariable name to an ast-grep rule object",
  regex: "a JavaScript regular expression (without slashes)",
  flags: "RegExp flags such as i, m, s or u",
  examples: "a mapping with `bad:` and `good:` lists",
  mutable: "a JSONPath-like path or a list of them, e.g. $[*].passes",
  transitions: "a mapping from a mutable field to [from, to] pairs, e.g. { passes: [[false, true]] }",
  allowRemove: "true or false",
};
