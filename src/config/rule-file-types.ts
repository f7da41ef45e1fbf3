import type { SeveritySetting } from "../core/types.js";

/** The kinds of repo-local rule file (SPEC §4). */
export const RULE_FILE_KINDS = ["pattern", "import", "placement", "co-change", "text", "json-fields", "append-only"] as const;
export type RuleFileKind = (typeof RULE_FILE_KINDS)[number];

/** A place in a rule file, 1-based, for messages about the file itself. */
export interface FilePlace {
  line: number;
  column: number;
}

/**
 * One example of a rule file, normalised. Which fields are set depends on the kind:
 * pattern/text: `code` (and `file` when the example names one); import: `file` and `import`
 * (a repo path or a package name); placement: `file`; co-change: `changed`; json-fields and
 * append-only: `before` and `after` (the file's text; a missing side: the file is new, or deleted).
 */
export interface RuleExample extends FilePlace {
  file?: string;
  code?: string;
  import?: string;
  changed?: string[];
  before?: string;
  after?: string;
}

/** A glob as written in a rule file or guard.yaml, with where it was written (guard/dead-glob). */
export interface WrittenGlob extends FilePlace {
  /** Repo-relative path of the file the glob is written in. */
  source: string;
  /** Dotted path of the field, e.g. `files`, `from`, `layers.2.paths`. */
  field: string;
  glob: string;
}

interface RuleFileBase {
  /** `learned/no-moment-in-domain`: the path under its rule dir, without `.yaml`/`.yml`. */
  id: string;
  /** Repo-relative path of the rule file; for a preset's, its path in the guard package. */
  source: string;
  /** The built-in preset that ships this rule file (`presets/<name>/`); undefined for the repo's own. */
  preset?: string;
  severity: SeveritySetting;
  /** Where the rule applies; empty: every file the kind looks at. */
  files: string[];
  ignore: string[];
  message: string;
  fix: string;
  why?: string;
  examples: { bad: RuleExample[]; good: RuleExample[] };
  /** Every glob the file writes, with its position. */
  globs: WrittenGlob[];
}

/** An ast-grep rule object (pattern, kind, regex, inside, has, not, all, any, stopBy …), as written. */
export type AstGrepRule = Record<string, unknown>;

export interface PatternRuleFile extends RuleFileBase {
  kind: "pattern";
  /** Exactly one of `pattern` and `rule` is set. */
  pattern?: string;
  rule?: AstGrepRule;
  /** ast-grep `constraints` on metavariables, as written. */
  constraints?: Record<string, AstGrepRule>;
}

export interface ImportRuleFile extends RuleFileBase {
  kind: "import";
  /** Globs of importing files; a `{name}` segment captures a folder name. */
  from: string[];
  /** Globs of imported repo files, or package names (`moment`, `@scope/pkg`, `lodash/*`). */
  forbid: string[];
  /** Exceptions to `forbid`, same forms; may reuse `{name}` captures from `from`. */
  allow: string[];
}

export interface PlacementRuleFile extends RuleFileBase {
  kind: "placement";
  /** Files this rule is about. */
  match: string[];
  /** Where they must live. */
  in: string[];
}

export interface CoChangeRuleFile extends RuleFileBase {
  kind: "co-change";
  when: string[];
  then: string[];
}

export interface TextRuleFile extends RuleFileBase {
  kind: "text";
  regex: string;
  /** JavaScript RegExp flags besides `g` (e.g. `i`, `m`, `s`, `u`). */
  flags: string;
}

export interface JsonFieldsRuleFile extends RuleFileBase {
  kind: "json-fields";
  /** JSONPath-like locations a change may alter (`$[*].passes`), as written; see core/json-path.ts. */
  mutable: string[];
  /** Allowed `[from, to]` values, keyed by a `mutable` path as written or by its last key (`passes`). */
  transitions: Record<string, [unknown, unknown][]>;
  /** Array entries (and the file) may be removed. */
  allowRemove: boolean;
}

export interface AppendOnlyRuleFile extends RuleFileBase {
  kind: "append-only";
}

export type RuleFile =
  | PatternRuleFile
  | ImportRuleFile
  | PlacementRuleFile
  | CoChangeRuleFile
  | TextRuleFile
  | JsonFieldsRuleFile
  | AppendOnlyRuleFile;
