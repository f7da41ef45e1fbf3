import type { ResolvedConfig } from "../config/types.js";
import type { Finding, SeveritySetting } from "../core/types.js";
import type { Workspace } from "./workspace.js";

/** What a rule declares about itself; the engine uses it to stamp every finding. */
export interface RuleMeta<MessageId extends string = string> {
  /** `<family>/<name>`; the doc page is `rules/<family>/<name>.md`. */
  id: string;
  /** One line, shown by `guard rules list` and in SARIF. */
  description: string;
  /** `off` only for a repo-local rule file shipped off; guard.yaml `rules:` may turn it on. */
  severity: SeveritySetting;
  /** Message templates with `{placeholders}` filled from the finding's `data`. */
  messages: Record<MessageId, string>;
  /** What to do, as an instruction an agent can follow; per message id when they differ. */
  fix: string | Record<MessageId, string>;
  /** The doc page when it is not `rules/<id>.md`: a rule file's own path. */
  docs?: string;
  /**
   * The rule reads the import graph (with this config: a rule that has nothing to check reads
   * nothing). A cached check then starts the lexer early and builds the edges of the files that
   * changed before the rules ask (see LexerThread, Workspace.prefetchChangedImports).
   */
  importGraph?: boolean | ((config: ResolvedConfig) => boolean);
  /**
   * The Markdown files the rule reads with this workspace and config (its maps, the docs under
   * docs.roots, index or README files, a docs site's nav pages …). The engine parses the union
   * of the selected rules' files before they run (from the cache, or on worker threads), and
   * nothing else: a file a rule reaches by following links is parsed when it asks for it, and a
   * run of rules that read no Markdown parses none.
   */
  markdown?: (workspace: Workspace) => Iterable<string>;
  /** Where a repo-local rule comes from: its rule-file kind and file. */
  origin?: { kind: string; source: string };
}

export interface RuleContext<MessageId extends string = string> {
  config: ResolvedConfig;
  /** Options from guard.yaml `rules: { <id>: { severity, ...options } }`. */
  options: Record<string, unknown>;
  workspace: Workspace;
  report(finding: Finding & { messageId: MessageId }): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void | Promise<void>;
}

/** Whether the rule reads the import graph when run with this config (see RuleMeta.importGraph). */
export function readsImportGraph(rule: Rule, config: ResolvedConfig): boolean {
  const reads = rule.meta.importGraph;
  return typeof reads === "function" ? reads(config) : reads === true;
}

/** The Markdown files the selected rules read up front (see RuleMeta.markdown), in a stable order. */
export function markdownToPrepare(rules: readonly Rule[], workspace: Workspace): string[] {
  const files = new Set<string>();
  for (const rule of rules) for (const file of rule.meta.markdown?.(workspace) ?? []) files.add(file);
  return [...files].sort();
}

/** Identity helper that keeps message ids typed between `meta` and `report`. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** The doc page of a rule: its own `docs`, else `rules/<id>.md`. */
export function docsOf(meta: RuleMeta): string {
  return meta.docs ?? `rules/${meta.id}.md`;
}

export function fixTemplate(meta: RuleMeta, messageId: string): string {
  return typeof meta.fix === "string" ? meta.fix : (meta.fix[messageId] ?? "");
}
