import { z } from "zod";

/** Arguments of guard_check: what `guard check [paths] [--staged] [--only …]` takes. */
export const checkInput = {
  paths: z.array(z.string()).optional().describe("report only on these files or folders (relative to the server's root)"),
  staged: z.boolean().optional().describe("check the staged content and report on what the staged change touches"),
  only: z.array(z.string()).optional().describe("run only these rules or families, e.g. [\"docs/dead-link\", \"arch\"]"),
};

const position = { line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int() };

/** The JSON v1 report of `guard check --format json` (docs/output.md), as guard_check's outputSchema. */
export const checkOutput = z.object({
  version: z.literal(1),
  tool: z.object({ name: z.literal("guard"), version: z.string() }),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), filesChecked: z.number().int() }),
  diagnostics: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(["error", "warn"]),
      file: z.string(),
      ...position,
      message: z.string(),
      fix: z.string(),
      docs: z.string(),
      evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
      related: z
        .array(z.object({ file: z.string(), ...z.object(position).partial().shape, message: z.string().optional() }))
        .optional(),
      fingerprint: z.string(),
    }),
  ),
  timing: z.object({ totalMs: z.number(), rules: z.record(z.string(), z.number()) }).optional(),
});

export const contextInput = {
  path: z.string().describe("a file or folder of the repository (relative to the server's root)"),
};

/** `guard context --format json` (docs/context.md), as guard_context's outputSchema. */
export const contextOutput = z.object({
  version: z.literal(1),
  path: z.string(),
  agents: z.array(
    z.object({
      agent: z.enum(["codex", "claude", "cursor", "copilot", "gemini"]),
      files: z.array(
        z.object({
          path: z.string(),
          bytes: z.number().int(),
          lines: z.number().int(),
          reason: z.string(),
          cut: z.enum(["truncated", "dropped"]).optional(),
          keptBytes: z.number().int().optional(),
        }),
      ),
      totalBytes: z.number().int(),
      totalLines: z.number().int(),
      budget: z.object({ limit: z.number().int(), exceeded: z.boolean() }).optional(),
    }),
  ),
});

export const explainInput = {
  rule: z.string().describe("a rule id such as docs/dead-link, or the id of a repo rule file"),
};

/** `guard rules list --format json`, as guard_rules' outputSchema. */
export const rulesOutput = z.object({
  version: z.literal(1),
  rules: z.array(z.object({ id: z.string(), kind: z.string(), severity: z.string(), source: z.string(), description: z.string() })),
});

/** Arguments of guard_learn: the inputs of `guard learn` (one form at a time), dry run unless `write`. */
export const learnInputSchema = {
  commit: z.string().optional().describe("a commit that fixed the mistake; its parent is the bad state"),
  from: z.string().optional().describe("the bad revision (with to)"),
  to: z.string().optional().describe("the good revision (with from)"),
  diff: z.string().optional().describe("the text of a unified diff of the fix (HEAD holds the fix)"),
  pattern: z.string().optional().describe("direct: an ast-grep pattern the code must not contain"),
  forbidImport: z.string().optional().describe("direct: a package or path glob the `in` files must not import"),
  place: z.string().optional().describe("direct: files that must live under `in`"),
  in: z.string().optional().describe("where a direct rule applies"),
  message: z.string().optional().describe("the rule's message (required for the direct forms)"),
  fix: z.string().optional().describe("the rule's fix instruction (required for the direct forms)"),
  write: z.boolean().optional().describe("write the best proven rule under .guard/rules/learned/ (default false: dry run)"),
  note: z.boolean().optional().describe("with write: also add a one-line lesson to the nearest AGENTS.md"),
};
