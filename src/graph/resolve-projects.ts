import { join, resolve } from "node:path";
import { ResolverFactory, type NapiResolveOptions, type ResolveResult } from "oxc-resolver";
import { parentOf } from "./resolve-paths.js";
import { matchPaths, readTsconfig, type TsconfigInfo } from "./resolve-tsconfig.js";

/** Conditions of TypeScript's bundler/node16 resolution for both `import` and `require`. */
export const CONDITIONS = ["types", "import", "require", "node", "default"];

/** Extensions tried for a specifier without one, in TypeScript's order (sources before declarations and JS). */
export const EXTENSIONS = [".ts", ".tsx", ".d.ts", ".mts", ".d.mts", ".cts", ".d.cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];

/** `.js` written for `.ts` and its kin (TypeScript's ESM convention), each tried in order. */
export const EXTENSION_ALIAS: Record<string, string[]> = {
  ".js": [".ts", ".tsx", ".d.ts", ".js", ".jsx"],
  ".jsx": [".tsx", ".d.ts", ".jsx"],
  ".mjs": [".mts", ".d.mts", ".mjs"],
  ".cjs": [".cts", ".d.cts", ".cjs"],
};

/** How TypeScript finds a module: `.js` written for `.ts`, `.d.ts`, index files, `exports`. */
const BASE_OPTIONS: NapiResolveOptions = {
  extensions: EXTENSIONS,
  extensionAlias: EXTENSION_ALIAS,
  conditionNames: CONDITIONS,
  mainFields: ["types", "typings", "module", "main"],
  mainFiles: ["index"],
  symlinks: true,
  nodePath: false,
  builtinModules: false,
};

/** The tsconfig governing one folder and the resolver configured from it. */
export interface Project {
  tsconfig: TsconfigInfo | undefined;
  factory: ResolverFactory;
  /** oxc-resolver could not load the config (an `extends` package not installed): resolve `paths` by hand. */
  broken: boolean;
}

/**
 * One resolver per tsconfig.json (each folder uses the nearest one, as `tsc -p` would per
 * package), each with its own oxc-resolver cache for the whole run, plus one without any tsconfig.
 */
export class Projects {
  private readonly base = new ResolverFactory(BASE_OPTIONS);
  private readonly byConfig = new Map<string, Project>();
  private readonly byDirectory = new Map<string, Project>();
  private readonly none: Project = { tsconfig: undefined, factory: this.base, broken: false };

  constructor(
    private readonly root: string,
    private readonly files: ReadonlySet<string>,
  ) {}

  /** The project of a repo-relative folder ("" for the root): nearest tsconfig.json (or jsconfig.json) up to the root. */
  forDirectory(directory: string): Project {
    const cached = this.byDirectory.get(directory);
    if (cached) return cached;
    const prefix = directory === "" ? "" : `${directory}/`;
    const config = [`${prefix}tsconfig.json`, `${prefix}jsconfig.json`].find((file) => this.files.has(file));
    let project: Project;
    if (config) project = this.forConfig(config);
    else if (directory === "") project = this.none;
    else project = this.forDirectory(parentOf(directory));
    this.byDirectory.set(directory, project);
    return project;
  }

  /** Resolves like TypeScript from an absolute folder; falls back to hand-applied `paths` when the tsconfig cannot load. */
  resolve(project: Project, directory: string, specifier: string): ResolveResult {
    if (!project.broken) {
      const result = attempt(project.factory, directory, specifier);
      if (!result.error || !isTsconfigError(result.error)) return result;
      project.broken = true;
    }
    const tsconfig = project.tsconfig;
    // TypeScript applies `paths` and `baseUrl` to non-relative specifiers only.
    const bare = !specifier.startsWith(".") && !specifier.startsWith("/");
    const match = tsconfig && bare ? matchPaths(tsconfig.allPaths, specifier) : undefined;
    for (const target of match?.mapping.targets ?? []) {
      const result = attempt(this.base, directory, resolve(match!.mapping.baseDir, target.replace("*", match!.star)));
      if (result.path) return result;
    }
    if (tsconfig?.baseUrl && bare) {
      const result = attempt(this.base, directory, resolve(tsconfig.baseUrl, specifier));
      if (result.path) return result;
    }
    return attempt(this.base, directory, specifier);
  }

  /** Resolves from an absolute folder with no tsconfig (a workspace package's own `exports`, `main`, files). */
  resolveWithoutTsconfig(directory: string, specifier: string): ResolveResult {
    return attempt(this.base, directory, specifier);
  }

  private forConfig(config: string): Project {
    const cached = this.byConfig.get(config);
    if (cached) return cached;
    const configFile = join(this.root, config);
    const tsconfig = readTsconfig(configFile);
    // Not cloneWithOptions: clones share one tsconfig cache, so a second config would be ignored.
    const factory = new ResolverFactory({
      ...BASE_OPTIONS,
      conditionNames: [...CONDITIONS, ...tsconfig.customConditions],
      tsconfig: { configFile, references: "auto" },
    });
    const project: Project = { tsconfig, factory, broken: false };
    this.byConfig.set(config, project);
    return project;
  }
}

/** oxc-resolver's answer; a throw (odd bytes in a path, a vanished folder) counts as not found. */
function attempt(factory: ResolverFactory, directory: string, specifier: string): ResolveResult {
  try {
    return factory.sync(directory, specifier);
  } catch (error) {
    return { error: String(error) };
  }
}

function isTsconfigError(error: string): boolean {
  return error.startsWith("Tsconfig") || error.startsWith("Failed to load tsconfig");
}
