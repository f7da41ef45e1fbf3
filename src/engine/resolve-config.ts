import { allRules } from "../checks/registry.js";
import { findConfig, loadConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/types.js";
import { gitTopLevel } from "../repo/git.js";

/** Resolves the repo root and its config the way every command does. */
export function resolveConfig(cwd: string, configFile?: string): ResolvedConfig {
  const knownRules = allRules.map((rule) => rule.meta.id);
  const gitRoot = gitTopLevel(cwd);
  const fallbackRoot = findConfig(cwd, gitRoot)?.root ?? gitRoot ?? cwd;
  return loadConfig({ cwd, configFile, fallbackRoot, stopAt: gitRoot, knownRules });
}
