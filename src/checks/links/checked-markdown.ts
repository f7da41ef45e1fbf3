import { posix } from "node:path";
import type { Workspace } from "../workspace.js";

/**
 * The Markdown files a family checks: `agents` the maps, `docs` the files under `docs.roots`
 * that are not maps (a map inside docs/ is reported once, by agents/*). A symlink to another
 * checked file (CLAUDE.md → AGENTS.md) is skipped: same text, same findings, reported once.
 */
export function markdownFor(workspace: Workspace, family: "agents" | "docs"): string[] {
  const maps = workspace.maps();
  const mapSet = new Set(maps);
  const files = family === "agents" ? maps : workspace.docs().filter((file) => !mapSet.has(file));
  const checked = new Set(files);
  return files.filter((file) => {
    const target = workspace.repo.symlinkTarget(file);
    if (target === undefined) return true;
    const resolved = posix.normalize(posix.join(posix.dirname(file), target));
    // Relative links resolve from the symlink's own folder, so only a sibling is a true copy.
    return !(checked.has(resolved) && posix.dirname(resolved) === posix.dirname(file));
  });
}
