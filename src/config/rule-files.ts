import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import { packageRoot } from "../core/package-root.js";
import { parseRuleFile } from "./rule-file-parse.js";
import type { RuleFile } from "./rule-file-types.js";

export { parseRuleFile } from "./rule-file-parse.js";

const RULE_FILE = /\.ya?ml$/i;
/** Far more than any team writes; a runaway tree (a symlink loop, a vendored folder) stops here. */
const MAX_RULE_FILES = 10_000;
/** A rule file is a few hundred bytes; a megabyte is not a rule file someone wrote. */
const MAX_RULE_FILE_BYTES = 1024 * 1024;

/**
 * Loads every `.yaml`/`.yml` file under the repo's `ruleDirs` (SPEC §4): one rule a file, id
 * from the path under its rule dir (`.guard/rules/learned/no-x.yaml` → `learned/no-x`).
 * A missing dir is fine; symlinks that lead out of the repo are skipped. Sorted by source path.
 * A malformed file throws a UsageError with `file:line:col` (exit 2), as does an id given by two
 * files or taken from a built-in rule (`reservedIds`). The rule files of extended built-in
 * presets (`presetRules`) come after the repo's, each unless a repo file has its id.
 */
export function loadRuleFiles(
  root: string,
  ruleDirs: readonly string[],
  reservedIds: readonly string[] = [],
  presetRules: readonly PresetRules[] = [],
): RuleFile[] {
  const realRoot = safeRealpath(root) ?? root;
  const found = new Map<string, Found>();
  for (const dir of ruleDirs) {
    const base = resolve(root, dir);
    if (!inside(realRoot, safeRealpath(base))) continue;
    for (const full of walk(base, realRoot)) {
      const source = relative(root, full).split(sep).join("/");
      const id = relative(base, full).split(sep).join("/").replace(RULE_FILE, "");
      if (!found.has(source)) found.set(source, { id, full });
    }
  }
  const files = [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // A repo file with a preset rule's id replaces it: copying the preset's file is how to adapt it.
  const repoIds = new Set(files.map(([, { id }]) => id));
  files.push(...presetRuleFiles(presetRules).filter(([, { id }]) => !repoIds.has(id)));
  const byId = new Map<string, string>();
  return files.map(([source, { id, full, preset }]) => {
    const rule: RuleFile = { ...parseRuleFile(readRuleFile(full, source), source, id, reservedIds), ...(preset ? { preset } : {}) };
    const other = byId.get(id);
    if (other) {
      throw new UsageError(`two rule files give the id "${id}": ${other} and ${source}`, {
        where: `${source}:1:1`,
        expected: "one rule file per id across all ruleDirs",
        suggestion: "rename or delete one of them",
      });
    }
    byId.set(id, source);
    return rule;
  });
}

/**
 * The text of the built-in preset rule file with this id (`long-running/feature-list`), or
 * undefined: guard/weakened compares a repo file that replaces a preset's with the original.
 */
export function presetRuleText(id: string): string | undefined {
  const [preset, ...rest] = id.split("/");
  if (!preset || rest.length === 0 || [preset, ...rest].some((part) => part === "" || part === "." || part === "..")) return undefined;
  for (const ext of [".yaml", ".yml"]) {
    try {
      return readFileSync(join(packageRoot(), "presets", preset, ...rest) + ext, "utf8");
    } catch {
      // not this extension, or no such preset rule
    }
  }
  return undefined;
}

interface Found {
  id: string;
  full: string;
  preset?: string;
}

/** The rule files of a built-in preset: a folder in the guard package, so it is not in the repo. */
export interface PresetRules {
  preset: string;
  dir: string;
}

/**
 * A preset's rule files, after the repo's own: id `<preset>/<file>` (`long-running/feature-list`)
 * and source `presets/<preset>/<file>.yaml`, the path inside the guard package, as a built-in
 * rule's docs are `rules/<family>/<name>.md`.
 */
function presetRuleFiles(presetRules: readonly PresetRules[]): [string, Found][] {
  return presetRules.flatMap(({ preset, dir }) => {
    const realDir = safeRealpath(dir) ?? dir;
    return walk(dir, realDir).map((full): [string, Found] => {
      const rel = relative(dir, full).split(sep).join("/");
      return [`presets/${preset}/${rel}`, { id: `${preset}/${rel.replace(RULE_FILE, "")}`, full, preset }];
    });
  });
}

/** Rule files under `dir`, depth first; a symlink counts only when it stays inside the repo. */
function walk(dir: string, realRoot: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string): void => {
    const real = safeRealpath(current);
    if (!real || seen.has(real) || !inside(realRoot, real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(current).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= MAX_RULE_FILES) return;
      const full = join(current, name);
      const kind = entryKind(full, realRoot);
      if (kind === "dir") visit(full);
      else if (kind === "file" && RULE_FILE.test(name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

function entryKind(full: string, realRoot: string): "dir" | "file" | undefined {
  try {
    const link = lstatSync(full);
    if (link.isSymbolicLink() && !inside(realRoot, safeRealpath(full))) return undefined;
    const stat = link.isSymbolicLink() ? statSync(full) : link;
    return stat.isDirectory() ? "dir" : stat.isFile() ? "file" : undefined;
  } catch {
    return undefined;
  }
}

function readRuleFile(full: string, source: string): string {
  try {
    if (statSync(full).size > MAX_RULE_FILE_BYTES) {
      throw new UsageError(`rule file ${source} is larger than 1 MiB`, { where: `${source}:1:1`, expected: "one rule per file, a few lines long" });
    }
    return readFileSync(full, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read rule file ${source}: ${(error as Error).message}`, { where: `${source}:1:1` });
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function inside(realRoot: string, real: string | undefined): boolean {
  if (real === undefined) return false;
  const rel = relative(realRoot, real);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
