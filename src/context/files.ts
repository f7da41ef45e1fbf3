import { countLines } from "../core/lines.js";
import type { Workspace } from "../checks/workspace.js";
import type { AgentContext, AgentId, ContextFile } from "./types.js";

/** A file as the agent reads it whole; undefined when it is not a readable text file. */
export function contextFile(workspace: Workspace, path: string, reason: string): ContextFile | undefined {
  // A git-ignored file (a personal CLAUDE.local.md) is read from disk: the agent loads it all the same.
  const text = workspace.repo.hasFile(path) ? workspace.repo.readText(path) : workspace.repo.readIgnoredText(path);
  if (text === undefined) return undefined;
  return { path, bytes: Buffer.byteLength(text, "utf8"), lines: countLines(text), reason };
}

/** The lines of the first `keptBytes` bytes of a file: what an agent that cuts it there reads. */
export function keptLines(workspace: Workspace, path: string, keptBytes: number): number {
  const text = (workspace.repo.hasFile(path) ? workspace.repo.readText(path) : workspace.repo.readIgnoredText(path)) ?? "";
  return countLines(Buffer.from(text, "utf8").subarray(0, keptBytes).toString("utf8"));
}

/** Totals of what is loaded: a truncated file counts its kept part, a dropped one nothing. */
export function agentContext(workspace: Workspace, agent: AgentId, files: ContextFile[], budget?: AgentContext["budget"]): AgentContext {
  let totalBytes = 0;
  let totalLines = 0;
  for (const file of files) {
    if (file.cut === "dropped") continue;
    totalBytes += file.cut === "truncated" ? file.keptBytes! : file.bytes;
    totalLines += file.cut === "truncated" ? keptLines(workspace, file.path, file.keptBytes!) : file.lines;
  }
  return { agent, files, totalBytes, totalLines, ...(budget ? { budget } : {}) };
}

/** `""` (the root) or a folder, as the reason text names it. */
export function folderName(folder: string): string {
  return folder === "" ? "the repo root" : `${folder}/`;
}
