import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, isAbsolute } from "node:path";
import { UsageError } from "../core/errors.js";
import { packageRoot } from "../core/package-root.js";
import { didYouMean } from "../core/suggest.js";
import { DEFAULT_PRESETS, defaultConfig } from "./defaults.js";
import { mergeConfig } from "./merge.js";
import type { RawConfig } from "./schema.js";
import type { ResolvedConfig } from "./types.js";
import { validateConfig } from "./validate.js";
import { parseYamlSource, type YamlSource } from "./yaml-source.js";

export const CONFIG_NAMES = ["guard.yaml", ".guard/config.yaml"];

/** Walks up from `cwd` to the first folder with guard.yaml (or .guard/config.yaml). */
export function findConfig(cwd: string): { root: string; file: string } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { root: dir, file };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadOptions {
  cwd: string;
  /** An explicit config file (`--config`), instead of walking up. */
  configFile?: string;
  /** Used when no config file is found: the git top level, else cwd. */
  fallbackRoot: string;
  knownRules: readonly string[];
}

export function loadConfig(options: LoadOptions): ResolvedConfig {
  const found = options.configFile
    ? explicitConfig(resolve(options.cwd, options.configFile))
    : findConfig(options.cwd);
  if (!found) {
    const root = options.fallbackRoot;
    const presets = DEFAULT_PRESETS.map((name) => readConfigFile(presetPath(name, root), root, options.knownRules).raw);
    return applyLayers(defaultConfig(root), presets);
  }
  const root = found.root;
  const own = readConfigFile(found.file, root, options.knownRules);
  const presets = resolveExtends(own, found.file, root, options.knownRules, [found.file]);
  const config = applyLayers(defaultConfig(root), [...presets, own.raw]);
  config.file = relative(root, found.file).split("\\").join("/");
  return config;
}

function explicitConfig(file: string): { root: string; file: string } {
  if (!existsSync(file)) {
    throw new UsageError(`config file not found: ${file}`, { expected: "a path to a guard.yaml" });
  }
  const dir = dirname(file);
  return { root: dir.endsWith("/.guard") || dir.endsWith("\\.guard") ? dirname(dir) : dir, file };
}

interface ConfigFile {
  raw: RawConfig;
  source: YamlSource;
}

function readConfigFile(file: string, root: string, knownRules: readonly string[]): ConfigFile {
  const display = displayPath(file, root);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${display}: ${(error as Error).message}`);
  }
  const source = parseYamlSource(text.replace(/^\uFEFF/, ""), display);
  return { raw: validateConfig(source, knownRules), source };
}

/**
 * `extends` entries, depth first, so later entries and the file itself override earlier ones.
 * A repo config without `extends` gets `recommended`; a preset without it gets nothing more.
 */
function resolveExtends(
  file: ConfigFile,
  path: string,
  root: string,
  knownRules: readonly string[],
  seen: string[],
): RawConfig[] {
  const declared = file.raw.extends;
  const names = declared === undefined ? (seen.length === 1 ? DEFAULT_PRESETS : []) : [declared].flat();
  return names.flatMap((name, index) => {
    const presetFile = presetPath(name, path);
    const where = declared === undefined ? undefined : file.source.locate(Array.isArray(declared) ? ["extends", index] : ["extends"]);
    if (seen.includes(presetFile)) {
      throw new UsageError(`extends forms a cycle: ${[...seen, presetFile].map((f) => displayPath(f, root)).join(" -> ")}`, {
        where,
        expected: "presets that do not extend each other in a loop",
      });
    }
    if (!existsSync(presetFile)) {
      throw new UsageError(`unknown preset "${name}"`, {
        where,
        expected: `a built-in preset (${BUILT_IN_PRESETS.join(", ")}) or a relative path to a YAML file`,
        suggestion: didYouMean(name, BUILT_IN_PRESETS) ?? "use a built-in name or a path starting with ./",
      });
    }
    const preset = readConfigFile(presetFile, root, knownRules);
    return [...resolveExtends(preset, presetFile, root, knownRules, [...seen, presetFile]), preset.raw];
  });
}

const BUILT_IN_PRESETS = ["recommended", "strict", "harness"];

function presetPath(name: string, from: string): string {
  if (name.startsWith(".") || isAbsolute(name)) return resolve(dirname(from), name);
  return join(packageRoot(), "presets", `${name}.yaml`);
}

function displayPath(file: string, root: string): string {
  const rel = relative(root, file).split("\\").join("/");
  return rel && !rel.startsWith("..") ? rel : file;
}

function applyLayers(base: ResolvedConfig, layers: RawConfig[]): ResolvedConfig {
  return layers.reduce(mergeConfig, base);
}
