import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import deepImportRule from "../../checks/arch/deep-import.js";
import layerRule from "../../checks/arch/layer.js";
import { ruleFromFile } from "../../checks/custom/from-file.js";
import { compileImportRule, type CompiledImportRule } from "../../checks/custom/import-rule.js";
import { compileLayers, type ArchLayers } from "../../checks/imports/layers.js";
import { compilePublicModules, type PublicModule } from "../../checks/imports/modules.js";
import { findConfig } from "../../config/load.js";
import type { ResolvedConfig } from "../../config/types.js";
import { isUsageError } from "../../core/errors.js";
import { resolveConfigAndRuleFiles } from "../../engine/resolve-config.js";
import { selectRules, type SelectedRule } from "../../engine/select-rules.js";
import { createResolver, type ModuleResolver } from "../../graph/resolver.js";
import { gitTopLevel } from "../../repo/git.js";
import { globMatcher } from "../../repo/glob.js";
import { Repo } from "../../repo/repo.js";

/** What the plugin keeps per repository root: the config as `guard check` resolves it, compiled once. */
export interface GuardProject {
  root: string;
  config: ResolvedConfig;
  layers: ArchLayers;
  /** arch/layer with its severity, when guard.yaml has it on (it is off without `layers`). */
  layerRule: SelectedRule | undefined;
  /** arch/deep-import with its severity, when guard.yaml has it on (it is off without layers or publicEntry). */
  deepImportRule: SelectedRule | undefined;
  /** The `publicEntry` modules a file is in, over the current file list. */
  modulesOf(file: string): PublicModule[];
  /** The repo's `import` rule files that are on, compiled. */
  importRules: readonly { selected: SelectedRule; compiled: CompiledImportRule }[];
  excluded(file: string): boolean;
  /** The resolver over the repo's file list, rebuilt after RESOLVER_LIFETIME_MS (files come and go). */
  resolver(): ModuleResolver;
  /** Whether git ignores a file the listing does not hold (a new file, or a build output). */
  ignored(file: string): boolean;
}

/** guard.yaml or a rule file that guard cannot load: what `guard check` would print, exit 2. */
export interface ConfigProblem {
  error: string;
}

/**
 * How long the file list behind the resolver is trusted. An editor lints on every keystroke;
 * listing a 10,000-file repo each time would cost more than the lint. Like eslint-plugin-import's
 * `import/cache` lifetime, a file created or deleted meanwhile is seen after this delay.
 */
const RESOLVER_LIFETIME_MS = 30_000;

interface Entry {
  /** guard.yaml's and the rule files' mtimes and sizes, and the rule folders' entries. */
  stamp: string;
  outcome: GuardProject | ConfigProblem;
}

const projects = new Map<string, Entry>();
const gitRoots = new Map<string, string | undefined>();

/**
 * The project the file in `folder` belongs to, found as `guard check` run there finds it (the
 * nearest guard.yaml up to the git top level, else the top level with the default preset);
 * undefined outside git without a guard.yaml (no repository to check). Reloaded when guard.yaml
 * or a rule file changes; never throws: a config guard cannot load is a ConfigProblem.
 */
export function projectFor(fileFolder: string): GuardProject | ConfigProblem | undefined {
  // An editor's new file may sit in a folder not created yet: start from the nearest one that exists.
  const folder = existingFolder(fileFolder);
  if (!gitRoots.has(folder)) gitRoots.set(folder, gitTopLevel(folder));
  const gitRoot = gitRoots.get(folder);
  const found = findConfig(folder, gitRoot);
  const root = found?.root ?? gitRoot;
  if (root === undefined) return undefined;
  const key = `${root}\0${found?.file ?? ""}`;
  const cached = projects.get(key);
  const ruleDirs = cached && "config" in cached.outcome ? cached.outcome.config.ruleDirs : [".guard/rules"];
  const stamp = stampOf(found?.file, root, ruleDirs);
  if (cached?.stamp === stamp) return cached.outcome;
  const outcome = load(folder, root);
  // The stamp of the rule folders the new config names, so the next lint compares like with like.
  projects.set(key, { stamp: "config" in outcome ? stampOf(found?.file, root, outcome.config.ruleDirs) : stamp, outcome });
  return outcome;
}

function load(folder: string, root: string): GuardProject | ConfigProblem {
  let loaded: ReturnType<typeof resolveConfigAndRuleFiles>;
  try {
    loaded = resolveConfigAndRuleFiles(folder);
  } catch (error) {
    return { error: isUsageError(error) ? error.format().split("\n").map((line) => line.trim()).join("; ") : `cannot load guard's config: ${(error as Error).message}` };
  }
  const { config, ruleFiles } = loaded;
  const importSpecs = ruleFiles.filter((spec) => spec.kind === "import");
  const selected = selectRules([layerRule, deepImportRule, ...importSpecs.map(ruleFromFile)], config, undefined);
  const byId = new Map(selected.map((entry) => [entry.rule.meta.id, entry]));
  const excluded = globMatcher(config.exclude);
  let listing: { repo: Repo; resolver: ModuleResolver; modulesOf: (file: string) => PublicModule[]; at: number } | undefined;
  const ignoredFiles = new Map<string, boolean>();
  const list = () => {
    if (!listing || Date.now() - listing.at > RESOLVER_LIFETIME_MS) {
      const repo = new Repo({ root, exclude: config.exclude });
      const modulesOf = compilePublicModules(config, (path) => repo.hasFile(path));
      listing = { repo, resolver: createResolver(root, repo.files), modulesOf, at: Date.now() };
      ignoredFiles.clear();
    }
    return listing;
  };
  return {
    root,
    config,
    layers: compileLayers(config),
    layerRule: byId.get(layerRule.meta.id),
    deepImportRule: Object.keys(config.publicEntry).length > 0 ? byId.get(deepImportRule.meta.id) : undefined,
    modulesOf: (file) => list().modulesOf(file),
    importRules: importSpecs.flatMap((spec) => {
      const entry = byId.get(spec.id);
      return entry && spec.kind === "import" ? [{ selected: entry, compiled: compileImportRule(spec) }] : [];
    }),
    excluded,
    resolver: () => list().resolver,
    ignored(file) {
      const { repo } = list();
      if (repo.hasFile(file)) return false;
      if (!ignoredFiles.has(file)) ignoredFiles.set(file, repo.ignoredPaths([file])?.has(file) ?? false);
      return ignoredFiles.get(file)!;
    },
  };
}

function existingFolder(folder: string): string {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(current) || dirname(current) === current) return current;
  }
}

/** What changes when guard.yaml or a rule file is edited, added or removed: mtimes, sizes, folder entries. */
function stampOf(configFile: string | undefined, root: string, ruleDirs: readonly string[]): string {
  const parts = [configFile === undefined ? "-" : statStamp(configFile)];
  for (const dir of ruleDirs) treeStamp(resolve(root, dir), parts, 0);
  return parts.join("|");
}

function statStamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return "missing";
  }
}

/** Rule folders are small; a deep or looping tree stops at a few levels, as no rule folder needs more. */
function treeStamp(dir: string, parts: string[], depth: number): void {
  if (depth > 8) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    parts.push(`${dir}:none`);
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    const stamp = statStamp(full);
    parts.push(`${name}:${stamp}`);
    if (!/\.ya?ml$/i.test(name)) treeStamp(full, parts, depth + 1);
  }
}
