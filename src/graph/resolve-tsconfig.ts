import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseJsonc } from "./resolve-jsonc.js";
import { joinRelative } from "./resolve-paths.js";

/** One `compilerOptions.paths` entry, with the folder its targets are relative to. */
export interface PathMapping {
  /** The key before and after its `*` (no `*`: an exact key, `suffix` undefined). */
  prefix: string;
  suffix: string | undefined;
  targets: string[];
  /** Absolute folder the targets are relative to (baseUrl, or the folder of the config that defines `paths`). */
  baseDir: string;
}

/** What the resolver needs of one tsconfig.json after following `extends` (absolute paths). */
export interface TsconfigInfo {
  file: string;
  /** `paths` of this config and the configs it extends. */
  paths: PathMapping[];
  /** `paths`, then those of the projects it references (solution-style configs keep them there). */
  allPaths: PathMapping[];
  /** `rootDirs` merges folders for relative imports: only oxc-resolver may answer those. */
  hasRootDirs: boolean;
  baseUrl: string | undefined;
  customConditions: string[];
  outDir: string | undefined;
  rootDir: string | undefined;
}

interface Settings {
  paths?: PathMapping[];
  baseUrl?: string;
  customConditions?: string[];
  outDir?: string;
  rootDir?: string;
  rootDirs?: boolean;
}

const MAX_DEPTH = 16;

/** Reads a tsconfig.json like TypeScript: JSON with comments, `extends` (string or list), `references`. */
export function readTsconfig(file: string): TsconfigInfo {
  const own = readChain(file, dirname(file), new Set());
  const paths = own.paths ?? [];
  const allPaths = [...paths];
  for (const reference of referencesOf(file)) allPaths.push(...(readChain(reference, dirname(reference), new Set()).paths ?? []));
  return {
    file,
    paths,
    allPaths,
    hasRootDirs: own.rootDirs === true,
    baseUrl: own.baseUrl,
    customConditions: own.customConditions ?? [],
    outDir: own.outDir,
    rootDir: own.rootDir,
  };
}

/** The `paths` entry TypeScript would use: an exact key first, else the wildcard key with the longest prefix. */
export function matchPaths(paths: readonly PathMapping[], specifier: string): { mapping: PathMapping; star: string } | undefined {
  let best: { mapping: PathMapping; star: string } | undefined;
  for (const mapping of paths) {
    if (mapping.suffix === undefined) {
      if (mapping.prefix === specifier) return { mapping, star: "" };
      continue;
    }
    const { prefix, suffix } = mapping;
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.mapping.prefix.length) {
      best = { mapping, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  return best;
}

function readChain(file: string, leafDir: string, seen: Set<string>): Settings {
  if (seen.has(file) || seen.size > MAX_DEPTH) return {};
  seen.add(file);
  const json = readJsonc(file);
  if (!json) return {};
  const dir = dirname(file);
  const merged: Settings = {};
  const parents = typeof json.extends === "string" ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  for (const parent of parents) {
    const parentFile = typeof parent === "string" ? locateExtends(parent, dir) : undefined;
    if (parentFile) Object.assign(merged, readChain(parentFile, leafDir, seen));
  }
  const options = isObject(json.compilerOptions) ? json.compilerOptions : {};
  const at = (value: unknown) => (typeof value === "string" ? resolve(dir, value.replaceAll("${configDir}", leafDir)) : undefined);
  const baseUrl = at(options.baseUrl);
  if (baseUrl) merged.baseUrl = baseUrl;
  if (isObject(options.paths)) merged.paths = pathMappings(options.paths, merged.baseUrl ?? dir, leafDir);
  else if (baseUrl && merged.paths) merged.paths = merged.paths.map((mapping) => ({ ...mapping, baseDir: baseUrl }));
  if (Array.isArray(options.customConditions)) merged.customConditions = options.customConditions.filter((c): c is string => typeof c === "string");
  const outDir = at(options.outDir);
  if (outDir) merged.outDir = outDir;
  if (Array.isArray(options.rootDirs)) merged.rootDirs = true;
  const rootDir = at(options.rootDir);
  if (rootDir) merged.rootDir = rootDir;
  return merged;
}

function pathMappings(paths: Record<string, unknown>, baseDir: string, leafDir: string): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const [key, value] of Object.entries(paths)) {
    if (!Array.isArray(value)) continue;
    const targets = value.filter((t): t is string => typeof t === "string").map((t) => t.replaceAll("${configDir}", leafDir));
    const star = key.indexOf("*");
    if (star === -1) mappings.push({ prefix: key, suffix: undefined, targets, baseDir });
    else mappings.push({ prefix: key.slice(0, star), suffix: key.slice(star + 1), targets, baseDir });
  }
  return mappings;
}

function referencesOf(file: string): string[] {
  const json = readJsonc(file);
  if (!json || !Array.isArray(json.references)) return [];
  const found: string[] = [];
  for (const reference of json.references) {
    if (!isObject(reference) || typeof reference.path !== "string") continue;
    const target = resolve(dirname(file), reference.path);
    const candidate = isDirectory(target) ? join(target, "tsconfig.json") : target;
    if (existsSync(candidate) && candidate !== file) found.push(candidate);
  }
  return found;
}

/** `extends` is a path (relative or absolute, `.json` optional) or a package specifier found in node_modules. */
function locateExtends(specifier: string, dir: string): string | undefined {
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    const target = resolve(dir, specifier);
    return [target, `${target}.json`].find(isFile);
  }
  for (let current = dir; ; current = dirname(current)) {
    const target = join(current, "node_modules", specifier);
    const found = [target, `${target}.json`, join(target, "tsconfig.json")].find(isFile);
    if (found) return found;
    if (dirname(current) === current) return undefined;
  }
}

function readJsonc(file: string): Record<string, unknown> | undefined {
  try {
    const config = parseJsonc(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    return isObject(config) ? config : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The repo paths a matched alias names (its targets with the `*` filled in), from its base folder `base` (repo-relative). */
export function aliasTargets(alias: { mapping: PathMapping; star: string }, base: string): string[] {
  return alias.mapping.targets.flatMap((target) => {
    const path = target.startsWith("/") ? undefined : joinRelative(base, target.replace("*", alias.star));
    return path === undefined || path === "" ? [] : [path];
  });
}
