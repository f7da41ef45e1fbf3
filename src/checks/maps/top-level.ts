import { posix } from "node:path";
import { folderOf } from "../links/doc-links.js";
import type { Workspace } from "../workspace.js";

/**
 * The maps an agent reads first: those with no map in a folder above them (the repo root's, or
 * each package's when the root has none). Where several stand in one folder, AGENTS.md carries
 * the sections (a CLAUDE.md there usually just imports it; agents/claude-drift covers that).
 * `.github/copilot-instructions.md` counts as a map of the folder holding `.github/`.
 */
export function topLevelMaps(workspace: Workspace): string[] {
  const byFolder = new Map<string, string[]>();
  for (const file of workspace.maps()) {
    const folder = mapFolder(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const result: string[] = [];
  for (const [folder, files] of byFolder) {
    if (hasMapAbove(byFolder, folder)) continue;
    const agents = files.filter((file) => posix.basename(file) === "AGENTS.md");
    result.push(...(agents.length > 0 ? agents : files));
  }
  return result.sort();
}

function mapFolder(file: string): string {
  const folder = folderOf(file);
  return posix.basename(folder) === ".github" || posix.basename(folder) === ".claude" ? folderOf(folder) : folder;
}

function hasMapAbove(byFolder: Map<string, string[]>, folder: string): boolean {
  for (let dir = folder; dir !== ""; ) {
    dir = folderOf(dir);
    if (byFolder.has(dir)) return true;
  }
  return false;
}
