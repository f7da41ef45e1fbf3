import { posix } from "node:path";
import type { Workspace } from "../workspace.js";

/** Codex reads at most one file per folder: the override when there is one, else AGENTS.md. */
const CODEX_NAMES = ["AGENTS.override.md", "AGENTS.md"];

export interface ChainLink {
  file: string;
  bytes: number;
}

export interface MapChain {
  /** The deepest folder of the chain (`""` for the repo root). */
  folder: string;
  /** Root first, as Codex concatenates them. */
  links: ChainLink[];
  bytes: number;
}

/**
 * The chains Codex builds, one per leaf folder: the map files from the repo root down to a
 * folder with a map and no maps below it. Empty files are skipped, as Codex skips them.
 */
export function codexLeafChains(workspace: Workspace): MapChain[] {
  return workspace.shared("codex-leaf-chains", () => {
    const byFolder = codexMapsByFolder(workspace);
    const folders = [...byFolder.keys()];
    const hasMapBelow = new Set<string>();
    for (const folder of folders) {
      for (let parent = parentOf(folder); parent !== undefined; parent = parentOf(parent)) hasMapBelow.add(parent);
    }
    return folders
      .filter((folder) => !hasMapBelow.has(folder))
      .sort()
      .map((folder) => {
        const links = ancestry(folder)
          .map((ancestor) => byFolder.get(ancestor))
          .filter((link): link is ChainLink => link !== undefined);
        return { folder, links, bytes: links.reduce((sum, link) => sum + link.bytes, 0) };
      });
  });
}

/** The one map Codex reads in each folder that has one (override first, empty files skipped); shared with `guard context`. */
export function codexMapsByFolder(workspace: Workspace): Map<string, ChainLink> {
  return workspace.shared("codex-maps-by-folder", () => chooseCodexMaps(workspace));
}

function chooseCodexMaps(workspace: Workspace): Map<string, ChainLink> {
  const candidates = new Map<string, string[]>();
  for (const file of workspace.repo.files) {
    if (!CODEX_NAMES.includes(posix.basename(file))) continue;
    const folder = folderOf(file);
    candidates.set(folder, [...(candidates.get(folder) ?? []), file]);
  }
  const chosen = new Map<string, ChainLink>();
  for (const [folder, files] of candidates) {
    for (const name of CODEX_NAMES) {
      const file = files.find((candidate) => posix.basename(candidate) === name);
      const text = file === undefined ? undefined : workspace.repo.readText(file);
      if (file === undefined || text === undefined || text.trim() === "") continue;
      chosen.set(folder, { file, bytes: Buffer.byteLength(text, "utf8") });
      break;
    }
  }
  return chosen;
}

export function folderOf(file: string): string {
  const dir = posix.dirname(file);
  return dir === "." ? "" : dir;
}

function parentOf(folder: string): string | undefined {
  return folder === "" ? undefined : folderOf(folder);
}

/** The folder and every folder above it, root first. */
export function ancestry(folder: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = folder; current !== undefined; current = parentOf(current)) chain.unshift(current);
  return chain;
}
