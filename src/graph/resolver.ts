import { builtinModules } from "node:module";
import { join, posix, relative, sep } from "node:path";
import { exportTargets } from "./resolve-exports.js";
import { findListedFile } from "./resolve-listed.js";
import { isPathLike, joinRelative, parentOf, safeRealpath } from "./resolve-paths.js";
import { CONDITIONS, Projects, type Project } from "./resolve-projects.js";
import { outputOf, sourceOfOutput, type OutputLayout } from "./resolve-source.js";
import { aliasTargets, matchPaths, type PathMapping } from "./resolve-tsconfig.js";
import { findWorkspacePackages, packageNameOf, type WorkspacePackage } from "./resolve-workspaces.js";
import { isCodeFile, type Resolution } from "./types.js";

export interface ModuleResolver {
  /** Where `specifier`, written in the repo-relative `fromFile`, leads (cached per folder and specifier). */
  resolve(fromFile: string, specifier: string): Resolution;
}

const BUILTINS = new Set(builtinModules);
const UNRESOLVED: Resolution = { kind: "unresolved" };
/** `virtual:x`, `npm:x`, `https://…`: schemes some bundlers and runtimes resolve; never a file of the repo. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Folders compilers and bundlers write to; git usually ignores them, so a fresh clone lacks them. */
const OUTPUT_FOLDERS = new Set(["lib", "dist", "build", "out", "output", "target", ".next"]);

function listedDirectories(files: ReadonlySet<string>): Set<string> {
  const directories = new Set<string>();
  for (const file of files) {
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) directories.add(file.slice(0, slash));
  }
  return directories;
}

/**
 * Resolves imports as TypeScript would for the repository at the absolute `root`, whose files
 * (repo-relative, `/`) are `files`: tsconfig `paths`/`baseUrl`/`extends`/references via the
 * nearest tsconfig.json, `.js` for `.ts`, index files, `exports`/`imports` of workspace packages
 * even without node_modules, and build outputs mapped back to their sources.
 */
export function createResolver(root: string, files: readonly string[]): ModuleResolver {
  const resolver = new RepoResolver(root, files);
  // TypeScript's answer depends only on the folder (and its tsconfig), not on the file.
  const cache = new Map<string, Map<string, Resolution>>();
  return {
    resolve(fromFile, specifier) {
      const directory = fromFile.slice(0, Math.max(0, fromFile.lastIndexOf("/")));
      let inFolder = cache.get(directory);
      if (!inFolder) cache.set(directory, (inFolder = new Map()));
      let resolution = inFolder.get(specifier);
      if (!resolution) {
        resolution = resolver.resolve(directory, specifier);
        inFolder.set(specifier, resolution);
      }
      return resolution;
    },
  };
}

class RepoResolver {
  private readonly files: Set<string>;
  private readonly projects: Projects;
  private readonly workspaces: Map<string, WorkspacePackage>;
  private readonly roots: string[];
  private readonly packageDirs = new Map<string, string>();
  /** Repo-relative folder of each absolute `paths` base (null: outside the repo). */
  private readonly aliasBases = new Map<string, string | null>();
  private readonly conditions = new Set([...CONDITIONS]);
  private directories: Set<string> | undefined;

  constructor(
    private readonly root: string,
    files: readonly string[],
  ) {
    this.files = new Set(files);
    this.projects = new Projects(root, this.files);
    this.workspaces = findWorkspacePackages(root, files);
    this.roots = [root, safeRealpath(root)];
  }

  resolve(directory: string, specifier: string): Resolution {
    if (specifier.startsWith("node:")) return { kind: "builtin", name: specifier.slice("node:".length) };
    if (specifier === "") return UNRESOLVED;
    const project = this.projects.forDirectory(directory);
    if (isPathLike(specifier) && !specifier.startsWith("/") && !project.tsconfig?.hasRootDirs) {
      const target = joinRelative(directory, specifier);
      const listed = target === undefined ? undefined : this.listedFile(target);
      if (listed) return { kind: "local", path: listed };
    }
    const folder = join(this.root, directory);
    if (isPathLike(specifier) || specifier.startsWith("#")) {
      const result = this.projects.resolve(project, folder, specifier);
      if (result.path) return this.fromPath(result.path, specifier, undefined);
      const target = isPathLike(specifier) && !specifier.startsWith("/") ? joinRelative(directory, specifier) : undefined;
      // `bin/cli.js` requiring `../lib/cli` in a clone nobody built: an output, not an invented module.
      if (target !== undefined && this.intoUnbuiltOutput(target)) return { kind: "external", packageName: target };
      if (target === undefined) return UNRESOLVED;
      // A data file (`./catalog.json`, not code) a build step may write only beside the output, where the require runs.
      const twin = isCodeFile(target) || posix.extname(target) === "" ? undefined : outputOf(target, this.layoutOf(project));
      return { kind: "unresolved", targets: twin === undefined ? [target] : [target, twin] };
    }
    return this.resolveBare(project, folder, specifier);
  }

  /** Whether `target` enters a build-output folder (lib/, dist/, build/ …) the repo holds no file of. */
  private intoUnbuiltOutput(target: string): boolean {
    this.directories ??= listedDirectories(this.files);
    const segments = target.split("/");
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join("/");
      if (!this.directories.has(folder)) return OUTPUT_FOLDERS.has(segments[depth - 1]!);
    }
    return false;
  }

  private resolveBare(project: Project, folder: string, specifier: string): Resolution {
    const alias = project.tsconfig ? matchPaths(project.tsconfig.allPaths, specifier) : undefined;
    const aliased = this.listedAliasTarget(project, specifier);
    if (aliased) return { kind: "local", path: aliased };
    // `"*": ["src/*"]` sends every specifier through paths; a miss there is still a package.
    const catchAll = alias !== undefined && alias.mapping.prefix === "" && alias.mapping.suffix === "";
    if ((!alias || catchAll) && BUILTINS.has(specifier)) return { kind: "builtin", name: specifier };
    if (!alias && SCHEME.test(specifier)) return { kind: "external", packageName: specifier };
    const name = packageNameOf(specifier);
    const workspacePackage = this.workspaces.get(name);
    // Without an alias, baseUrl or workspace package, a bare specifier is a package: skip the disk.
    if (!alias && !project.tsconfig?.baseUrl && !workspacePackage) return { kind: "external", packageName: name };
    const result = this.projects.resolve(project, folder, specifier);
    if (result.path) return this.fromPath(result.path, specifier, workspacePackage);
    if (workspacePackage) return this.resolveInWorkspace(workspacePackage, specifier);
    // An alias into node_modules (`"react": ["./node_modules/@types/react"]`) names a package
    // that is not installed here, not a module someone invented.
    const intoPackages = alias !== undefined && alias.mapping.targets.every((target) => target.includes("node_modules/"));
    return alias && !catchAll && !intoPackages ? this.unresolvedAlias(alias) : { kind: "external", packageName: name };
  }

  /** An alias that names no file, with the repo paths its targets name (see Resolution). */
  private unresolvedAlias(alias: { mapping: PathMapping; star: string }): Resolution {
    const base = this.toRepoPath(alias.mapping.baseDir);
    const targets = base === undefined ? [] : aliasTargets(alias, base);
    return targets.length === 0 ? UNRESOLVED : { kind: "unresolved", targets };
  }

  /** The file the first target of the config's own matching `paths` entry names, from the file list alone. */
  private listedAliasTarget(project: Project, specifier: string): string | undefined {
    const match = project.tsconfig ? matchPaths(project.tsconfig.paths, specifier) : undefined;
    const target = match?.mapping.targets[0];
    if (!match || target === undefined || target.startsWith("/")) return undefined;
    let base = this.aliasBases.get(match.mapping.baseDir);
    if (base === undefined) this.aliasBases.set(match.mapping.baseDir, (base = this.toRepoPath(match.mapping.baseDir) ?? null));
    const file = base === null ? undefined : joinRelative(base, target.replace("*", match.star));
    return file === undefined ? undefined : this.listedFile(file);
  }

  /** A listed file for a repo-relative target, unless it enters node_modules. */
  private listedFile(target: string): string | undefined {
    return target.includes("node_modules/") ? undefined : findListedFile(target, this.files);
  }

  /** A workspace package that is not installed (fresh clone): resolve through its own folder. */
  private resolveInWorkspace(workspacePackage: WorkspacePackage, specifier: string): Resolution {
    const subpath = specifier.slice(workspacePackage.name.length);
    const folder = join(this.root, workspacePackage.dir);
    const exportsField = workspacePackage.manifest.exports;
    if (exportsField !== undefined && exportsField !== null) {
      // Self-reference: from inside the package, its own name resolves through its `exports`.
      const self = this.projects.resolveWithoutTsconfig(folder, specifier);
      if (self.path) return this.fromPath(self.path, specifier, workspacePackage);
      const targets = exportTargets(exportsField, `.${subpath}`, this.conditions) ?? [];
      const found = this.firstSource(targets.map((target) => posix.join(workspacePackage.dir, target)), workspacePackage);
      if (found) return { kind: "local", path: found };
      // Exported as a build output that is not built yet: a file we cannot see, not an invented module.
      // Not exported, or exported as a build output that is not built yet: a package boundary we
      // cannot see past (the import may be of a published version), not an invented module.
      return { kind: "external", packageName: workspacePackage.name };
    }
    const direct = this.projects.resolveWithoutTsconfig(folder, subpath === "" ? "." : `.${subpath}`);
    if (direct.path) return this.fromPath(direct.path, specifier, workspacePackage);
    if (subpath !== "") {
      const found = this.firstSource([posix.join(workspacePackage.dir, subpath.slice(1))], workspacePackage);
      // `@scope/pkg/lib/x` into an unbuilt package: its output folder is not there to look in.
      return found ? { kind: "local", path: found } : { kind: "external", packageName: workspacePackage.name };
    }
    const entries = ["types", "typings", "module", "main"]
      .map((field) => workspacePackage.manifest[field])
      .filter((value): value is string => typeof value === "string")
      .map((value) => posix.join(workspacePackage.dir, value));
    const found = this.firstSource(entries, workspacePackage);
    return found ? { kind: "local", path: found } : { kind: "external", packageName: workspacePackage.name };
  }

  /** What an absolute path that oxc-resolver found means for the graph. */
  private fromPath(path: string, specifier: string, workspacePackage: WorkspacePackage | undefined): Resolution {
    const bare = !isPathLike(specifier) && !specifier.startsWith("#");
    const file = this.toRepoPath(path);
    if (file === undefined) {
      // Outside the repository: an installed package, or a folder beside the repo root.
      return { kind: "external", packageName: bare ? packageNameOf(specifier) : relative(this.root, path).split(sep).join("/") };
    }
    const modules = file.lastIndexOf("node_modules/");
    if (modules !== -1) return { kind: "external", packageName: bare ? packageNameOf(specifier) : packageNameOf(file.slice(modules + 13)) };
    if (this.files.has(file)) return { kind: "local", path: file };
    const source = this.firstSource([file], workspacePackage);
    if (source) return { kind: "local", path: source };
    // A workspace package's unmapped build output is no source file; anything else on disk
    // that git ignores (generated code) is still a file of this repository.
    return workspacePackage ? { kind: "external", packageName: workspacePackage.name } : { kind: "local", path: file };
  }

  /**
   * The first listed file among `paths`, or the source a build output among them was compiled
   * from. Layout guesses (`dist/x.js` ← `src/x.ts`) only for workspace packages' entry points.
   */
  private firstSource(paths: readonly string[], workspacePackage: WorkspacePackage | undefined): string | undefined {
    for (const path of paths) {
      if (this.files.has(path)) return path;
      const directory = parentOf(path);
      const layout = this.layoutOf(this.projects.forDirectory(directory));
      if (!workspacePackage && layout.outDir === undefined) continue;
      const packageDir = workspacePackage?.dir ?? this.packageDirOf(directory);
      const source = sourceOfOutput(path, packageDir, layout, (p) => this.files.has(p), workspacePackage !== undefined);
      if (source) return source;
    }
    return undefined;
  }

  /** The repo-relative outDir and rootDir of a project's tsconfig. */
  private layoutOf(project: Project): OutputLayout {
    const tsconfig = project.tsconfig;
    return {
      outDir: tsconfig?.outDir === undefined ? undefined : this.toRepoPath(tsconfig.outDir),
      rootDir: tsconfig?.rootDir === undefined ? undefined : this.toRepoPath(tsconfig.rootDir),
    };
  }

  /** The nearest folder with a listed package.json ("" when none). */
  private packageDirOf(directory: string): string {
    const cached = this.packageDirs.get(directory);
    if (cached !== undefined) return cached;
    const found =
      directory === "" || this.files.has(`${directory}/package.json`) ? directory : this.packageDirOf(parentOf(directory));
    this.packageDirs.set(directory, found);
    return found;
  }

  private toRepoPath(absolute: string): string | undefined {
    for (const root of this.roots) {
      if (absolute === root) return "";
      if (absolute.startsWith(root + sep)) return absolute.slice(root.length + 1).split(sep).join("/");
    }
    return undefined;
  }
}
