/** The agents `guard context` knows, by their JSON id. */
export type AgentId = "codex" | "claude" | "cursor" | "copilot" | "gemini";

export const AGENT_NAMES: Record<AgentId, string> = {
  codex: "Codex",
  claude: "Claude Code",
  cursor: "Cursor",
  copilot: "GitHub Copilot",
  gemini: "Gemini CLI",
};

/** One instruction file an agent reads for the path, in load order. */
export interface ContextFile {
  /** Repo-relative, forward slashes. */
  path: string;
  bytes: number;
  lines: number;
  /** Why the agent reads it: the folder it sits in, the import that pulls it in, the glob that matched. */
  reason: string;
  /** Set when the agent does not read all of it: `truncated` (cut at the budget) or `dropped` (not read at all). */
  cut?: "truncated" | "dropped";
  /** With `cut`: how many of its bytes the agent reads. */
  keptBytes?: number;
}

export interface AgentContext {
  agent: AgentId;
  files: ContextFile[];
  /** What the agent actually loads: the kept bytes and lines of every file (dropped files count 0). */
  totalBytes: number;
  totalLines: number;
  /** Only for an agent with a hard byte limit (Codex's project_doc_max_bytes, guard.yaml agents.maxBytesChain). */
  budget?: { limit: number; exceeded: boolean };
}

/** `guard context --format json`, version 1 (docs/context.md). */
export interface ContextReport {
  version: 1;
  /** The path asked about, repo-relative (`.` for the repo root). */
  path: string;
  agents: AgentContext[];
}
