import { posix } from "node:path";
import type { Workspace } from "../workspace.js";
import { parseJustfile, parseMakefile, type TaskFile } from "./taskfiles.js";
import { folderOf } from "../links/doc-links.js";

/** What one package.json declares that a command can name. */
export interface PackageManifest {
  file: string;
  dir: string;
  name: string | undefined;
  scripts: Set<string>;
  dependencies: Set<string>;
  /** The binaries this package itself provides (`bin`). */
  bins: Set<string>;
  /** Not valid JSON: it may define anything, so nothing is reported against it. */
  unreadable: boolean;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
const MAKEFILE_NAMES = ["GNUmakefile", "makefile", "Makefile"];

function isTaskSource(base: string): boolean {
  return base === "package.json" || MAKEFILE_NAMES.includes(base) || base.toLowerCase() === "justfile" || base.toLowerCase() === ".justfile";
}

/**
 * Every package.json, Makefile and justfile of the repo, each read and parsed once per run and
 * indexed by folder; and the bins of installed dependencies, read from node_modules on demand.
 */
export class CommandSources {
  readonly manifests = new Map<string, PackageManifest>();
  readonly makefiles = new Map<string, TaskFile>();
  readonly justfiles = new Map<string, TaskFile>();
  private readonly byPath = new Map<string, TaskFile>();
  private readonly installed = new Map<string, Set<string> | undefined>();

  constructor(private readonly workspace: Workspace) {
    const { repo } = workspace;
    const files = repo.files.filter((file) => isTaskSource(posix.basename(file)));
    repo.preload(files); // from the git index (`--staged`): one git process, not one a file
    for (const file of files) {
      const base = posix.basename(file);
      const dir = folderOf(file);
      if (base === "package.json") {
        const manifest = parseManifest(file, dir, repo.readText(file)) ?? unreadableManifest(file, dir);
        this.manifests.set(dir, manifest);
      } else if (MAKEFILE_NAMES.includes(base)) {
        const text = repo.readText(file);
        // make prefers GNUmakefile, then makefile, then Makefile: keep the first it would read.
        if (text !== undefined && !this.makefiles.has(dir)) this.makefiles.set(dir, parseMakefile(file, dir, text));
      } else if (base.toLowerCase() === "justfile" || base.toLowerCase() === ".justfile") {
        const text = repo.readText(file);
        if (text !== undefined && !this.justfiles.has(dir)) this.justfiles.set(dir, parseJustfile(file, dir, text));
      }
    }
  }

  /** A Makefile or justfile named with `-f`, parsed on first use; undefined when not in the repo. */
  taskFile(path: string, tool: "make" | "just"): TaskFile | undefined {
    if (!this.byPath.has(path)) {
      const text = this.workspace.repo.readText(path);
      const parse = tool === "make" ? parseMakefile : parseJustfile;
      if (text !== undefined) this.byPath.set(path, parse(path, folderOf(path), text));
    }
    return this.byPath.get(path);
  }

  /** A file or folder `name` in `dir` (make's "nothing to be done" for an existing file). */
  exists(dir: string, name: string): boolean {
    return this.workspace.repo.exists(dir === "" ? name : `${dir}/${name}`);
  }

  /** `node_modules/.bin/<name>` in `dir` or above: some installed package provides that binary. */
  hasInstalledBin(dir: string, name: string): boolean {
    for (let folder = dir; ; folder = folderOf(folder)) {
      if (this.workspace.repo.exists(`${folder ? `${folder}/` : ""}node_modules/.bin/${name}`)) return true;
      if (folder === "") return false;
    }
  }

  /**
   * The bins an installed dependency provides, looking in node_modules from `dir` up to the root
   * as Node does; undefined when it is not installed (or not readable) anywhere on the way.
   */
  installedBins(dir: string, dependency: string): Set<string> | undefined {
    const key = `${dir}\0${dependency}`;
    if (!this.installed.has(key)) {
      let found: Set<string> | undefined;
      for (let folder = dir; found === undefined; folder = folderOf(folder)) {
        const path = `${folder ? `${folder}/` : ""}node_modules/${dependency}/package.json`;
        found = parseManifest(path, folder, this.workspace.repo.readIgnoredText(path))?.bins;
        if (folder === "") break;
      }
      this.installed.set(key, found);
    }
    return this.installed.get(key);
  }
}

export function commandSources(workspace: Workspace): CommandSources {
  return workspace.shared("command-sources", () => new CommandSources(workspace));
}

function parseManifest(file: string, dir: string, text: string | undefined): PackageManifest | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const name = typeof json.name === "string" ? json.name : undefined;
  const dependencies = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const value = json[field];
    if (isObject(value)) for (const dependency of Object.keys(value)) dependencies.add(dependency);
  }
  const bins = new Set<string>();
  if (typeof json.bin === "string" && name) bins.add(name.replace(/^@[^/]+\//, ""));
  else if (isObject(json.bin)) for (const bin of Object.keys(json.bin)) bins.add(bin);
  const scripts = new Set(isObject(json.scripts) ? Object.keys(json.scripts) : []);
  return { file, dir, name, scripts, dependencies, bins, unreadable: false };
}

function unreadableManifest(file: string, dir: string): PackageManifest {
  return { file, dir, name: undefined, scripts: new Set(), dependencies: new Set(), bins: new Set(), unreadable: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
