import { resolve } from "node:path";
import { allRules } from "../checks/registry.js";
import { Workspace } from "../checks/workspace.js";
import { findConfig, loadConfig } from "../config/load.js";
import { packageVersion } from "../core/package-root.js";
import { MarkdownCache } from "../docs/markdown-cache.js";
import type { ResolvedConfig } from "../config/types.js";
import type { CheckResult, Diagnostic, Finding } from "../core/types.js";
import { gitTopLevel } from "../repo/git.js";
import { Repo } from "../repo/repo.js";
import { affectedBy } from "./affected.js";
import { both, changeScope, changedSince, inScope, pathScope, type Scope } from "./scope.js";
import { selectRules, type SelectedRule } from "./select-rules.js";
import { compareDiagnostics, stamp, withFingerprints } from "./stamp.js";
import { markdownSuppressions, suppresses, type Suppression } from "./suppressions.js";

export interface CheckOptions {
  cwd?: string;
  /** An explicit config file instead of walking up to guard.yaml. */
  config?: string;
  /** Report only on these files or folders (relative to cwd). */
  paths?: string[];
  /** Check the staged content and report on what the staged change touches. */
  staged?: boolean;
  /** Report on what changed since this revision. */
  since?: string;
  /** Run only these rules or families. */
  only?: string[];
  timing?: boolean;
  /** Reuse parsed Markdown from node_modules/.cache/guard (default true). */
  cache?: boolean;
}

/** Resolves the repo root and its config the way every command does. */
export function resolveConfig(cwd: string, configFile?: string): ResolvedConfig {
  const knownRules = allRules.map((rule) => rule.meta.id);
  const gitRoot = gitTopLevel(cwd);
  const fallbackRoot = findConfig(cwd, gitRoot)?.root ?? gitRoot ?? cwd;
  return loadConfig({ cwd, configFile, fallbackRoot, stopAt: gitRoot, knownRules });
}

/** Runs the enabled rules over one repository and returns sorted, stamped diagnostics. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = resolveConfig(cwd, options.config);
  const selected = selectRules(allRules, config, options.only);
  const paths: Scope = options.paths?.length ? pathScope(config.root, cwd, options.paths) : {};
  const repo = new Repo({ root: config.root, exclude: config.exclude, source: options.staged ? "index" : "worktree" });
  const workspace = new Workspace(repo, config, { cache: options.cache ?? true });
  const changed = options.staged ? repo.changedFromHead() : options.since ? changedSince(config.root, options.since) : undefined;
  const markdownFiles = workspace.markdownFiles();
  repo.preload(markdownFiles);
  const cache = new MarkdownCache(config.root, packageVersion(), options.cache ?? true);
  await workspace.prepareMarkdown(markdownFiles, cache);
  cache.save();

  const timings: Record<string, number> = {};
  const raw: { selected: SelectedRule; finding: Finding }[] = [];
  for (const entry of selected) {
    const ruleStarted = performance.now();
    await entry.rule.check({
      config,
      options: entry.options,
      workspace,
      report: (finding) => raw.push({ selected: entry, finding }),
    });
    timings[entry.rule.meta.id] = Math.round(performance.now() - ruleStarted);
  }

  // A change also affects the files whose imports it broke (a deleted or renamed module).
  const graph = workspace.builtImportGraph();
  const affected = changed && graph ? affectedBy(changed, await graph) : changed;
  const scope = affected ? both(paths, changeScope(affected)) : paths;

  const suppressionsByFile = new Map<string, Suppression[]>();
  const diagnostics = raw
    .filter(({ selected: entry, finding }) => {
      if (!suppressionsByFile.has(finding.file)) suppressionsByFile.set(finding.file, markdownSuppressions(workspace, finding.file));
      const line = finding.line ?? 1;
      return !suppressionsByFile.get(finding.file)!.some((s) => suppresses(s, entry.rule.meta.id, line));
    })
    .map(({ selected: entry, finding }) => stamp(entry.rule, entry.severity, finding))
    .filter((diagnostic) => inScope(scope, diagnostic as Diagnostic))
    .sort(compareDiagnostics);
  const stamped = withFingerprints(diagnostics);

  const errors = stamped.filter((d) => d.severity === "error").length;
  const reads = repo.readStats();
  const result: CheckResult = {
    summary: { errors, warnings: stamped.length - errors, filesChecked: reads.read.length },
    diagnostics: stamped,
    rules: selected.map(({ rule, severity }) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      severity,
      fix: typeof rule.meta.fix === "string" ? rule.meta.fix : Object.values(rule.meta.fix as Record<string, string>)[0] ?? "",
      docs: `rules/${rule.meta.id}.md`,
    })),
    skipped: reads.skipped.sort((a, b) => (a.file < b.file ? -1 : 1)),
  };
  if (options.timing) result.timing = { totalMs: Math.round(performance.now() - started), rules: timings };
  return result;
}
