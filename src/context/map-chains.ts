import { posix } from "node:path";
import { ancestry, codexMapsByFolder } from "../checks/maps/chains.js";
import { ImportGraph, MAX_IMPORT_DEPTH } from "../checks/maps/claude-import-graph.js";
import type { Workspace } from "../checks/workspace.js";
import { agentContext, contextFile, folderName } from "./files.js";
import type { AgentContext, ContextFile } from "./types.js";

/**
 * Codex: one file per folder from the root down to the path's folder (AGENTS.override.md before
 * AGENTS.md, empty files skipped, as agents/chain-budget models it), concatenated and cut at
 * project_doc_max_bytes: the file that crosses the limit is truncated, the ones after it dropped.
 */
export function codexContext(workspace: Workspace, folder: string): AgentContext {
  const limit = workspace.config.agents.maxBytesChain;
  const byFolder = codexMapsByFolder(workspace);
  const files: ContextFile[] = [];
  let used = 0;
  for (const ancestor of ancestry(folder)) {
    const link = byFolder.get(ancestor);
    if (!link) continue;
    const overridden = posix.basename(link.file) === "AGENTS.override.md" && workspace.repo.hasFile(posix.join(ancestor, "AGENTS.md"));
    const reason = `map of ${folderName(ancestor)}${overridden ? ` (AGENTS.override.md is read instead of ${posix.join(ancestor, "AGENTS.md")})` : ""}`;
    const file = contextFile(workspace, link.file, reason);
    if (!file) continue;
    if (used >= limit) files.push({ ...file, cut: "dropped", keptBytes: 0 });
    else if (used + file.bytes > limit) files.push({ ...file, cut: "truncated", keptBytes: limit - used });
    else files.push(file);
    used += file.bytes;
  }
  return agentContext(workspace, "codex", files, { limit, exceeded: used > limit });
}

/** Claude Code: CLAUDE.md, .claude/CLAUDE.md and CLAUDE.local.md in each folder from the root down, with their imports. */
export function claudeContext(workspace: Workspace, folder: string): AgentContext {
  return agentContext(workspace, "claude", importingChain(workspace, folder, ["CLAUDE.md", ".claude/CLAUDE.md", "CLAUDE.local.md"]));
}

/** Gemini CLI: GEMINI.md in each folder from the root down to the path's folder, with their imports. */
export function geminiContext(workspace: Workspace, folder: string): AgentContext {
  return agentContext(workspace, "gemini", importingChain(workspace, folder, ["GEMINI.md"]));
}

/**
 * The maps of each folder from the root down, each followed by what it imports (`@path`,
 * depth first, as the import is expanded in place), at most MAX_IMPORT_DEPTH hops from the map;
 * an import one hop further is listed as dropped. The import graph is the one the maps/* rules read.
 */
function importingChain(workspace: Workspace, folder: string, names: string[]): ContextFile[] {
  const graph = ImportGraph.of(workspace);
  const files: ContextFile[] = [];
  const seen = new Set<string>();
  const visit = (path: string, hop: number, reason: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = contextFile(workspace, path, reason);
    if (!file) return;
    if (hop > MAX_IMPORT_DEPTH) {
      files.push({ ...file, cut: "dropped", keptBytes: 0, reason: `${reason}; past the ${MAX_IMPORT_DEPTH}-hop import limit` });
      return;
    }
    files.push(file);
    for (const edge of graph.edges(path)) {
      if (!edge.exists || !workspace.repo.hasFile(edge.to)) continue;
      visit(edge.to, hop + 1, `imported by ${path} (@${edge.ref.path}), hop ${hop + 1}`);
    }
  };
  for (const ancestor of ancestry(folder)) {
    for (const name of names) {
      const path = posix.join(ancestor, name);
      if (workspace.repo.hasFile(path)) visit(path, 0, `${name} of ${folderName(ancestor)}`);
      // CLAUDE.local.md is personal and usually git-ignored; Claude Code loads it from disk (its imports are not followed here).
      else if (name === "CLAUDE.local.md" && workspace.repo.readIgnoredText(path) !== undefined) visit(path, 0, `${name} of ${folderName(ancestor)} (git-ignored)`);
    }
  }
  return files;
}
