import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
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

/**
 * Walks up from `cwd` to the first folder with guard.yaml (or .guard/config.yaml), stopping at
 * `stopAt` (the git top level): a guard.yaml above the repository belongs to something else.
 */
export function findConfig(cwd: string, stopAt?: string): { root: string; file: string } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { root: dir, file };
    }
    if (stopAt !== undefined && dir === resolve(stopAt)) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadOptions {
  cwd: string;
  /** An explicit config file (`--config`), instead of walking up. */
  configFile?: string;
  /** The repository root when no config file is found, or when `configFile` is given: the git top level, else cwd. */
  fallbackRoot: string;
  /** Where the walk up for guard.yaml stops (the git top level). */
  stopAt?: string;
  knownRules: readonly string[];
}

export function loadConfig(options: LoadOptions): ResolvedConfig {
  const found = options.configFile
    ? explicitConfig(resolve(options.cwd, options.configFile), options.fallbackRoot)
    : findConfig(options.cwd, options.stopAt);
  if (!found) {
    const root = options.fallbackRoot;
    const presets = DEFAULT_PRESETS.map((name) => ({ raw: readConfigFile(presetPath(name, root), root, options.knownRules).raw, builtIn: name }));
    return applyLayers(defaultConfig(root), presets);
  }
  const root = found.root;
  const own = readConfigFile(found.file, root, options.knownRules);
  const presets = resolveExtends(own, found.file, root, options.knownRules, [found.file]);
  const config = applyLayers(defaultConfig(root), [...presets, { raw: own.raw }]);
  config.file = relative(root, found.file).split("\\").join("/");
  return config;
}

/**
 * `--config <file>`: a file named guard.yaml (or .guard/config.yaml) marks its repository's
 * root, as when found by walking up; any other file (`ci/strict.yaml`) changes the rules, not
 * the repository, so the root stays the one found from the working directory.
 */
function explicitConfig(file: string, fallbackRoot: string): { root: string; file: string } {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UsageError(`config file not found: ${file}`, { expected: "a path to a YAML config file such as guard.yaml" });
  }
  const dir = dirname(file);
  if (basename(file) === "guard.yaml") return { root: dir, file };
  if (basename(file) === "config.yaml" && basename(dir) === ".guard") return { root: dirname(dir), file };
  return { root: fallbackRoot, file };
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
  return parseConfigText(text, display, knownRules);
}

function parseConfigText(text: string, display: string, knownRules: readonly string[]): ConfigFile {
  const source = parseYamlSource(text.replace(/^\uFEFF/, ""), display);
  return { raw: validateConfig(source, knownRules), source };
}

/**
 * Loads a config that is not on disk yet, exactly as `loadConfig` would once it is written to
 * `root/name` (`guard init` proves its file before writing it): the same validation, presets and
 * defaults, and the same located errors.
 */
export function loadConfigText(options: { text: string; root: string; name: string; knownRules: readonly string[] }): ResolvedConfig {
  const file = join(options.root, options.name);
  const own = parseConfigText(options.text, options.name, options.knownRules);
  const presets = resolveExtends(own, file, options.root, options.knownRules, [file]);
  const config = applyLayers(defaultConfig(options.root), [...presets, { raw: own.raw }]);
  config.file = options.name;
  return config;
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
): Layer[] {
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
    if (!existsSync(presetFile) && isPath(name)) {
      throw new UsageError(`extends: file not found: ${name}`, {
        where,
        expected: `a YAML file at ${displayPath(presetFile, root)} (paths are relative to the file that extends it)`,
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
    const layer: Layer = isPath(name) ? { raw: preset.raw } : { raw: preset.raw, builtIn: name };
    return [...resolveExtends(preset, presetFile, root, knownRules, [...seen, presetFile]), layer];
  });
}

const BUILT_IN_PRESETS = ["recommended", "strict", "harness", "long-running"];

function isPath(name: string): boolean {
  return name.startsWith(".") || isAbsolute(name);
}

function presetPath(name: string, from: string): string {
  if (isPath(name)) return resolve(dirname(from), name);
  return join(packageRoot(), "presets", `${name}.yaml`);
}

function displayPath(file: string, root: string): string {
  const rel = relative(root, file).split("\\").join("/");
  return rel && !rel.startsWith("..") ? rel : file;
}

/** One config layer: a preset or the file itself; `builtIn` names a preset shipped with guard. */
interface Layer {
  raw: RawConfig;
  builtIn?: string;
}

/**
 * Merges the layers in order. A built-in preset may ship rule files in `presets/<name>/`
 * (long-running's feature list and progress log rules); they load beside the repo's ruleDirs.
 * Only built-in presets do: a folder beside a team's own preset file may hold anything.
 */
function applyLayers(base: ResolvedConfig, layers: Layer[]): ResolvedConfig {
  const config = layers.map((layer) => layer.raw).reduce(mergeConfig, base);
  const names = [...new Set(layers.flatMap((layer) => (layer.builtIn ? [layer.builtIn] : [])))];
  config.presetRules = names
    .map((preset) => ({ preset, dir: join(packageRoot(), "presets", preset) }))
    .filter(({ dir }) => existsSync(dir) && statSync(dir).isDirectory());
  return config;
}
