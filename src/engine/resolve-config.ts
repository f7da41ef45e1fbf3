import { allRules } from "../checks/registry.js";
import { findConfig, loadConfig } from "../config/load.js";
import type { RuleFile } from "../config/rule-file-types.js";
import { loadRuleFiles } from "../config/rule-files.js";
import type { ResolvedConfig } from "../config/types.js";
import { gitTopLevel } from "../repo/git.js";

/**
 * Accepts every rule id. guard.yaml names `ruleDirs` and may set the severity of the rules in
 * them, so the ids of the repo's rule files are known only after a first pass over the config.
 */
class AnyRuleId extends Array<string> {
  override includes(): boolean {
    return true;
  }
}

function builtInIds(): string[] {
  return allRules.map((rule) => rule.meta.id);
}

export interface ResolvedConfigAndRules {
  config: ResolvedConfig;
  ruleFiles: RuleFile[];
}

/** The config and the repo's rule files, each loaded once; `rules:` may name built-in and rule-file ids. */
export function resolveConfigAndRuleFiles(cwd: string, configFile?: string): ResolvedConfigAndRules {
  const builtIn = builtInIds();
  const config = load(cwd, configFile, new AnyRuleId());
  const ruleFiles = loadRuleFiles(config.root, config.ruleDirs, builtIn, config.presetRules);
  checkRuleIds(cwd, configFile, config, [...builtIn, ...ruleFiles.map((rule) => rule.id)]);
  return { config, ruleFiles };
}

/** Resolves the repo root and its config the way every command does. */
export function resolveConfig(cwd: string, configFile?: string): ResolvedConfig {
  const builtIn = builtInIds();
  const config = load(cwd, configFile, new AnyRuleId());
  // Rule files are read only when `rules:` names something that is not built in.
  if (Object.keys(config.rules).some((id) => !builtIn.includes(id))) {
    const ruleFiles = loadRuleFiles(config.root, config.ruleDirs, builtIn, config.presetRules);
    checkRuleIds(cwd, configFile, config, [...builtIn, ...ruleFiles.map((rule) => rule.id)]);
  }
  return config;
}

/** An id that is neither built in nor a rule file: load again, strictly, for the located error. */
function checkRuleIds(cwd: string, configFile: string | undefined, config: ResolvedConfig, known: string[]): void {
  if (Object.keys(config.rules).every((id) => known.includes(id))) return;
  load(cwd, configFile, known);
}

function load(cwd: string, configFile: string | undefined, knownRules: readonly string[]): ResolvedConfig {
  const gitRoot = gitTopLevel(cwd);
  const fallbackRoot = findConfig(cwd, gitRoot)?.root ?? gitRoot ?? cwd;
  return loadConfig({ cwd, configFile, fallbackRoot, stopAt: gitRoot, knownRules });
}
