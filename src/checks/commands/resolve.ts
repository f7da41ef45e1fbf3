import type { CommandUse } from "./args.js";
import { binStatus } from "./bins.js";
import type { CommandSources, PackageManifest } from "./sources.js";
import type { TaskFile } from "./taskfiles.js";
import { folderOf } from "../links/doc-links.js";

/** Why a command names nothing: the message id and the data for its template. */
export interface CommandProblem {
  messageId: "script" | "download" | "unpinned" | "bin" | "target" | "recipe" | "noPackageJson" | "noJustfile";
  data: Record<string, string>;
}

/**
 * The files a command may be looked up in. When its folder was given (`cd`, `--prefix`, `-C`):
 * the nearest one from there up. Otherwise (a map's folder is only a guess at where it runs):
 * every one from the map's folder up to the root, and those in the folders below, as in
 * "in web/, run `npm run dev`", so that a map describing several packages is not a false alarm.
 */
export function candidates<T extends { dir: string }>(byDir: Map<string, T>, use: CommandUse): { nearest?: T; all: T[] } {
  const chain: T[] = [];
  for (let dir = use.dir; ; dir = folderOf(dir)) {
    const found = byDir.get(dir);
    if (found) chain.push(found);
    if (dir === "") break;
  }
  const nearest = chain[0];
  if (use.anyPackage) return { ...(nearest ? { nearest } : {}), all: [...byDir.values()] };
  if (use.explicit) return nearest ? { nearest, all: [nearest] } : { all: [] };
  const prefix = use.dir === "" ? "" : `${use.dir}/`;
  const below = [...byDir.values()].filter((item) => item.dir.startsWith(prefix) && item.dir !== use.dir);
  return { ...(nearest ? { nearest } : {}), all: [...chain, ...below] };
}

/** Undefined when the command names something that exists (or when we cannot tell). */
export function commandProblem(sources: CommandSources, use: CommandUse): CommandProblem | undefined {
  const base = { command: use.command, name: use.name, dir: use.dir === "" ? "the repository root" : `${use.dir}/` };
  if (use.kind === "target" || use.kind === "recipe") return taskProblem(sources, use, base);
  const manifests = workspaceManifests(sources, use);
  if (manifests === undefined) return undefined;
  const { nearest, all } = manifests;
  if (all.some((manifest) => manifest.unreadable)) return undefined;
  if (use.kind === "script" || use.kind === "script-or-bin") {
    if (all.some((manifest) => manifest.scripts.has(use.name))) return undefined;
    if (use.kind === "script-or-bin" && binStatus(sources, use, all) !== "no") return undefined;
    if (all.length === 0) return { messageId: "noPackageJson", data: base };
    const shown = nearest ?? all[0]!;
    return { messageId: "script", data: { ...base, manifest: shown.file, available: listOf(shown.scripts) } };
  }
  if (binStatus(sources, use, all) !== "no") return undefined;
  const manifest = nearest?.file ?? all[0]?.file;
  if (manifest === undefined) return use.kind === "bin" ? undefined : { messageId: "unpinned", data: base };
  return { messageId: use.kind === "bin" ? "bin" : "download", data: { ...base, manifest } };
}

/** `npm -w web`, `yarn workspace web`: only that package; undefined when we cannot find it. */
function workspaceManifests(sources: CommandSources, use: CommandUse): { nearest?: PackageManifest; all: PackageManifest[] } | undefined {
  if (use.workspace === undefined) return candidates(sources.manifests, use);
  const wanted = use.workspace.replace(/^\.\//, "").replace(/\/+$/, "");
  for (const manifest of sources.manifests.values()) {
    if (manifest.name === wanted || manifest.dir === wanted) return { nearest: manifest, all: [manifest] };
  }
  return undefined;
}

function taskProblem(sources: CommandSources, use: CommandUse, base: Record<string, string>): CommandProblem | undefined {
  const tool = use.tool === "make" ? "make" : "just";
  const byDir = tool === "make" ? sources.makefiles : sources.justfiles;
  let found: { nearest?: TaskFile; all: TaskFile[] };
  if (use.file !== undefined) {
    const file = sources.taskFile(use.file, tool);
    if (!file) return undefined; // a file the repo does not list: generated, or not ours to judge
    found = { nearest: file, all: [file] };
  } else {
    found = candidates(byDir, use);
  }
  const { nearest, all } = found;
  if (all.length === 0) {
    // A Makefile is often generated (./configure, cmake): no Makefile in the repo proves nothing.
    return tool === "make" ? undefined : { messageId: "noJustfile", data: base };
  }
  if (all.some((file) => file.open || defines(file, use.name))) return undefined;
  // `make dist` with a `dist` file or folder and no rule: make says "nothing to be done", not an error.
  if (tool === "make" && sources.exists(use.dir, use.name)) return undefined;
  const shown = nearest ?? all[0]!;
  return {
    messageId: tool === "make" ? "target" : "recipe",
    data: { ...base, manifest: shown.file, available: listOf(shown.names) },
  };
}

function defines(file: TaskFile, name: string): boolean {
  return file.names.has(name) || file.modules.has(name) || file.patterns.some((pattern) => pattern.test(name));
}

/** Up to ten names, sorted, for a fix an agent can act on. */
function listOf(names: Set<string>): string {
  if (names.size === 0) return "none";
  const sorted = [...names].sort();
  return sorted.length > 10 ? `${sorted.slice(0, 10).join(", ")}, …` : sorted.join(", ");
}
