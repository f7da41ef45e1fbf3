import { resolve } from "node:path";
import { allRules } from "../checks/registry.js";
import { docsOf, markdownToPrepare, readsImportGraph } from "../checks/rule.js";
import { Workspace } from "../checks/workspace.js";
import { packageVersion } from "../core/package-root.js";
import { MarkdownCache } from "../docs/markdown-cache.js";
import type { CheckResult, Diagnostic } from "../core/types.js";
import { startLexerThread } from "../graph/lexer-client.js";
import { gitTopLevelSettled } from "../repo/git.js";
import { takeWorktreeListing } from "../repo/listing-prefetch.js";
import { Repo } from "../repo/repo.js";
import { affectedBy } from "./affected.js";
import { applyBaseline } from "./baseline.js";
import { changeContext } from "./change-context.js";
import { customRules } from "./custom-rules.js";
import { resolveConfigAndRuleFiles, type ResolvedConfigAndRules } from "./resolve-config.js";
import { both, changeScope, inScope, pathScope, type Scope } from "./scope.js";
import { ruleCatalog, selectRules, withWeakenedGuard, type RawFinding } from "./select-rules.js";
import { compareDiagnostics, stamp, withFingerprints } from "./stamp.js";
import { applySuppressions } from "./suppressions.js";

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
  /** Reuse what earlier runs computed, from the cache folder (see cacheHome; default true). */
  cache?: boolean;
  /** Report on what this commit changed (against its parent). */
  commit?: string;
  /** `--allow-weaken`: guard/weakened lets a weakening change pass. */
  allowWeaken?: boolean;
  /** false with `--no-baseline`: ignore the baseline file. */
  baseline?: boolean;
  /** `--strict-baseline`: baseline entries that no longer occur are errors. */
  strictBaseline?: boolean;
  /** The config and rule files already resolved for this cwd (a long-lived caller such as the MCP server keeps them). */
  resolved?: ResolvedConfigAndRules;
}

/** Runs the enabled rules over one repository and returns sorted, stamped diagnostics. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  await gitTopLevelSettled(); // the launcher's early `git rev-parse`, if any: the config's root from it
  const { config, ruleFiles } = options.resolved ?? resolveConfigAndRuleFiles(cwd, options.config);
  const all = [...allRules, ...customRules(ruleFiles)];
  let selected = selectRules(all, config, options.only);
  const paths: Scope = options.paths?.length ? pathScope(config.root, cwd, options.paths) : {};
  // Started before the repo is listed, so TypeScript is loaded by the time a warm run knows which files changed.
  const readsGraph = selected.some(({ rule }) => readsImportGraph(rule, config));
  const lexer = (options.cache ?? true) && readsGraph ? startLexerThread(config.root) : undefined;
  const gitListing = await takeWorktreeListing(config.root); // taken either way: its file is removed
  const repo = new Repo({ root: config.root, exclude: config.exclude, source: options.staged ? "index" : "worktree", ...(gitListing && !options.staged ? { gitListing } : {}) });
  const workspace = new Workspace(repo, config, { cache: options.cache ?? true, ...(lexer ? { lexer } : {}) });
  workspace.ruleFiles = ruleFiles;
  workspace.ruleCatalog = ruleCatalog(all, config);
  workspace.selectedRules = new Set(selected.map((entry) => entry.rule.meta.id));
  workspace.change = changeContext(config.root, repo, options);
  workspace.reported = paths.includes;
  if (workspace.change) selected = withWeakenedGuard(selected, allRules, options.only);
  const changed = workspace.change?.files;
  if (lexer) workspace.prefetchChangedImports();
  // Reading the git index or a commit: every Markdown file a rule may reach, in one git process.
  repo.preload(workspace.markdownFiles());
  const cache = new MarkdownCache(config.root, packageVersion(), options.cache ?? true);
  await workspace.prepareMarkdown(markdownToPrepare(selected.map((entry) => entry.rule), workspace), cache);

  const timings: Record<string, number> = {};
  const raw: RawFinding[] = [];
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

  // A change also affects the files whose imports it broke (a deleted or renamed module). Only a
  // file the change removed can break imports: otherwise the graph need not be completed for it.
  const removed = changed !== undefined && [...changed].some((file) => !repo.hasFile(file));
  const graph = workspace.builtImportGraph() ?? (removed && workspace.usedImportGraph() ? workspace.importGraph() : undefined);
  const affected = changed && graph ? affectedBy(changed, await graph) : changed;
  workspace.saveCaches();
  lexer?.stop();
  const scope = affected ? both(paths, changeScope(affected)) : paths;

  const diagnostics = applySuppressions(workspace, raw, selected)
    .map(({ selected: entry, finding }) => stamp(entry.rule, entry.severity, finding))
    .filter((diagnostic) => inScope(scope, diagnostic as Diagnostic))
    .sort(compareDiagnostics);
  cache.save(); // after rules and suppressions: it holds the models they parsed on demand too
  const stamped = applyBaseline(withFingerprints(diagnostics), config, {
    enabled: options.baseline ?? true,
    strict: options.strictBaseline ?? false,
    selected,
    scoped: scope.includes !== undefined,
  });

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
      docs: docsOf(rule.meta),
    })),
    skipped: reads.skipped.sort((a, b) => (a.file < b.file ? -1 : 1)),
  };
  if (options.timing) result.timing = { totalMs: Math.round(performance.now() - started), rules: timings };
  return result;
}
