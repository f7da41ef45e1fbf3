import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../../core/errors.js";
import { gitText } from "../../repo/git.js";

/** Which hook manager the repository uses, and so which form guard's hook takes. */
export type HookSetup =
  | { kind: "husky"; folder: string }
  | { kind: "lefthook"; config: string }
  | { kind: "pre-commit"; config: string }
  | { kind: "git"; hooksDir: string; versioned: boolean; inside: boolean };

export interface RepoPlaces {
  /** Top of the work tree (real path). */
  top: string;
  /** Where the command ran, relative to `top`, "/"-separated ("" at the top). */
  folder: string;
}

/** The work tree around `cwd`, or exit 2 when there is none (no git, a bare repository). */
export function repoPlaces(cwd: string): RepoPlaces {
  const top = gitText(cwd, ["rev-parse", "--show-toplevel"])?.trim();
  if (!top) {
    throw new UsageError("not inside a git work tree, so there is no pre-commit hook to install", {
      expected: "run guard hook install inside a git repository that has a work tree",
    });
  }
  const realTop = realpathSync(top);
  const folder = relative(realTop, realpathSync(cwd)).split(sep).join("/");
  return { top: realTop, folder };
}

const LEFTHOOK_FILES = ["lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml", ".config/lefthook.yml", ".config/lefthook.yaml"];

/**
 * husky first (its hooks folder is what git runs once core.hooksPath points at it), then
 * lefthook and the pre-commit framework (each rewrites .git/hooks/pre-commit, so their own
 * configuration is where guard belongs), else git's own hooks folder.
 */
export function detectSetup(places: RepoPlaces): HookSetup {
  const husky = huskyFolder(places);
  if (husky !== undefined) return { kind: "husky", folder: husky };
  for (const base of bases(places)) {
    const lefthook = LEFTHOOK_FILES.map((name) => join(base, name)).find((path) => existsSync(join(places.top, path)));
    if (lefthook !== undefined) return { kind: "lefthook", config: lefthook };
  }
  if (existsSync(join(places.top, ".pre-commit-config.yaml"))) return { kind: "pre-commit", config: ".pre-commit-config.yaml" };
  return gitHooksDir(places);
}

/** The folder git runs hooks from: `git rev-parse --git-path hooks` honours core.hooksPath. */
function gitHooksDir(places: RepoPlaces): HookSetup {
  const printed = gitText(places.top, ["rev-parse", "--git-path", "hooks"])?.trim();
  const commonDir = gitText(places.top, ["rev-parse", "--git-common-dir"])?.trim();
  if (!printed || !commonDir) throw new UsageError("git could not tell where this repository's hooks live");
  const hooksDir = resolve(places.top, printed);
  const gitDir = realOrSelf(resolve(places.top, commonDir));
  const real = realOrSelf(hooksDir);
  const inGitDir = within(gitDir, real);
  return { kind: "git", hooksDir, versioned: !inGitDir, inside: inGitDir || within(places.top, real) };
}

/**
 * husky's folder: the parent of core.hooksPath when that is `<folder>/_` (husky 9) or the folder
 * itself when it is named .husky (husky 4 to 8); else a .husky folder or a `husky` prepare script.
 */
function huskyFolder(places: RepoPlaces): string | undefined {
  const hooksPath = gitText(places.top, ["config", "core.hooksPath"])?.trim();
  if (hooksPath) {
    const absolute = resolve(places.top, hooksPath);
    const folder = absolute.endsWith(`${sep}_`) ? resolve(absolute, "..") : absolute;
    if (folder.endsWith(`${sep}.husky`) && within(places.top, folder)) return relative(places.top, folder).split(sep).join("/");
  }
  for (const base of bases(places)) {
    const candidate = join(base, ".husky");
    if (isFolder(join(places.top, candidate))) return candidate.split(sep).join("/");
    if (/\bhusky\b/.test(prepareScript(join(places.top, base, "package.json")))) return candidate.split(sep).join("/");
  }
  return undefined;
}

/** The folder the command ran in, then each one above it up to the top ("" is the top). */
function bases(places: RepoPlaces): string[] {
  const parts = places.folder === "" ? [] : places.folder.split("/");
  return Array.from({ length: parts.length + 1 }, (_, index) => parts.slice(0, parts.length - index).join("/"));
}

function prepareScript(file: string): string {
  try {
    const json = JSON.parse(readFileSync(file, "utf8")) as { scripts?: { prepare?: unknown } };
    return typeof json.scripts?.prepare === "string" ? json.scripts.prepare : "";
  } catch {
    return "";
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The real path of `path`, or of its deepest existing parent joined with the rest. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = resolve(path, "..");
    return parent === path ? path : join(realOrSelf(parent), relative(parent, path));
  }
}

export function within(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
