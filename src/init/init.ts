import { resolve } from "node:path";
import { allRules } from "../checks/registry.js";
import { CONFIG_NAMES, findConfig, loadConfigText } from "../config/load.js";
import { UsageError, isUsageError } from "../core/errors.js";
import type { CheckResult } from "../core/types.js";
import { check } from "../engine/check.js";
import { gitTopLevel } from "../repo/git.js";
import { configText } from "./config-text.js";
import { inferInit, type InitPlan } from "./infer.js";
import { starterMap } from "./starter-map.js";
import { taken, writeNewFiles, type NewFile } from "./write-new.js";

export const INIT_PRESETS = ["recommended", "strict", "harness", "long-running"];

export interface InitOptions {
  cwd: string;
  /** The preset guard.yaml extends (default recommended). */
  preset?: string;
  /** Print what would be written; write nothing and run no check. */
  dryRun?: boolean;
  /** Reuse node_modules/.cache/guard (default true). */
  cache?: boolean;
}

export interface InitResult {
  root: string;
  files: NewFile[];
  /** False with --dry-run. */
  written: boolean;
  plan: InitPlan;
  /** `guard check` with the new config, after writing. */
  check: CheckResult | undefined;
  /** Why the check could not run after writing (a broken rule file under .guard/rules, say). */
  checkError?: UsageError;
  timing: { inferMs: number; checkMs: number };
}

/**
 * `guard init`: infers guard.yaml (and a starter AGENTS.md when the repo has no map) from the
 * repository, proves the config loads, writes both or neither, then runs the check with it.
 * Refuses, writing nothing, when the repository already has a config.
 */
export async function runInit(options: InitOptions): Promise<InitResult> {
  const cwd = resolve(options.cwd);
  const root = gitTopLevel(cwd) ?? cwd;
  const preset = options.preset ?? "recommended";
  if (!INIT_PRESETS.includes(preset)) {
    throw new UsageError(`unknown preset "${preset}"`, { expected: `one of: ${INIT_PRESETS.join(", ")}` });
  }
  refuseExistingConfig(cwd, root);
  const started = performance.now();
  const plan = await inferInit({ root, preset, cache: options.cache ?? true });
  const files: NewFile[] = [{ path: "guard.yaml", text: configText(plan) }];
  if (plan.maps.rootMap === undefined) files.push({ path: "AGENTS.md", text: starterMap(plan) });
  proveConfig(files[0]!.text, root);
  const inferMs = Math.round(performance.now() - started);
  if (options.dryRun) return { root, files, written: false, plan, check: undefined, timing: { inferMs, checkMs: 0 } };
  writeNewFiles(root, files);
  const checked = performance.now();
  const timing = () => ({ inferMs, checkMs: Math.round(performance.now() - checked) });
  try {
    const result = await check({ cwd: root, cache: options.cache ?? true });
    return { root, files, written: true, plan, check: result, timing: timing() };
  } catch (error) {
    // The files are written either way; what stops the check (a repo rule file guard rejects) is the user's to fix.
    if (!isUsageError(error)) throw error;
    return { root, files, written: true, plan, check: undefined, checkError: error, timing: timing() };
  }
}

/** A config anywhere from the working directory up to the root belongs to someone: never replace it. */
function refuseExistingConfig(cwd: string, root: string): void {
  const found = CONFIG_NAMES.find((name) => taken(root, name));
  const existing = found ? resolve(root, found) : findConfig(cwd, root)?.file;
  if (existing === undefined) return;
  throw new UsageError(`${existing} already exists; guard init never overwrites a config, so it wrote nothing`, {
    expected: "a repository without guard.yaml or .guard/config.yaml",
    suggestion: "edit the existing config (docs/configuration.md), or move it away and run guard init again",
  });
}

/** The written config must load exactly as `guard check` will load it; a failure is guard's bug. */
function proveConfig(text: string, root: string): void {
  try {
    loadConfigText({ text, root, name: "guard.yaml", knownRules: allRules.map((rule) => rule.meta.id) });
  } catch (error) {
    const why = isUsageError(error) ? error.format() : (error as Error).message;
    throw new Error(`guard init produced a guard.yaml that guard rejects, so it wrote nothing (please report this):\n${why}`);
  }
}
