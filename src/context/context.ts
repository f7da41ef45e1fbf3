import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { folderOf } from "../checks/maps/chains.js";
import { Workspace } from "../checks/workspace.js";
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../core/errors.js";
import { resolveConfig } from "../engine/resolve-config.js";
import { Repo } from "../repo/repo.js";
import { copilotContext, cursorContext, type ContextTarget } from "./glob-rules.js";
import { claudeContext, codexContext, geminiContext } from "./map-chains.js";
import type { ContextReport } from "./types.js";

export interface ContextOptions {
  cwd: string;
  /** The file or folder, relative to cwd (or absolute). */
  path: string;
  config?: string;
  /** An already resolved config (the MCP server keeps one); else resolved from cwd. */
  resolved?: ResolvedConfig;
}

/** Which instruction files each agent loads when it works on `path`, in load order (docs/context.md). */
export function instructionContext(options: ContextOptions): ContextReport {
  const config = options.resolved ?? resolveConfig(options.cwd, options.config);
  const path = repoPath(config.root, options.cwd, options.path);
  // Every listed file, excluded or not: an agent reads its instructions whatever guard.yaml skips.
  const repo = new Repo({ root: config.root, exclude: [] });
  const workspace = new Workspace(repo, config);
  const isFolder = path === "" || repo.hasDirectory(path) || isDirectoryOnDisk(config.root, path);
  if (!isFolder && !repo.hasFile(path) && !existsSync(resolve(config.root, path))) {
    throw new UsageError(`no file or folder ${path} in the repository`, { expected: "a path to a file or folder of the repository" });
  }
  const folder = isFolder ? path : folderOf(path);
  const target: ContextTarget = {
    folder,
    files: isFolder ? repo.files.filter((file) => folder === "" || file.startsWith(`${folder}/`)) : [path],
  };
  return {
    version: 1,
    path: path === "" ? "." : path,
    agents: [
      codexContext(workspace, folder),
      claudeContext(workspace, folder),
      cursorContext(workspace, target),
      copilotContext(workspace, target),
      geminiContext(workspace, folder),
    ],
  };
}

/** The path relative to the repo root, forward slashes; a path outside the repo is a usage error. */
function repoPath(root: string, cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const realRoot = realpathSync(root);
  const real = existsSync(absolute) ? realpathSync(absolute) : resolve(realpathSync(cwd), path);
  const inRepo = relative(realRoot, real);
  if (inRepo === ".." || inRepo.startsWith(`..${sep}`) || isAbsolute(inRepo)) {
    throw new UsageError(`${path} is outside the repository (${root})`, { expected: "a file or folder inside the repository" });
  }
  return inRepo.split(sep).join("/");
}

function isDirectoryOnDisk(root: string, path: string): boolean {
  try {
    return statSync(resolve(root, path)).isDirectory();
  } catch {
    return false;
  }
}
