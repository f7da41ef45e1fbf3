import { expect } from "vitest";
import { runGuard } from "../helpers/repo.js";

export interface ContextFile {
  path: string;
  bytes: number;
  lines: number;
  reason: string;
  cut?: "truncated" | "dropped";
  keptBytes?: number;
}
export interface AgentContext {
  agent: string;
  files: ContextFile[];
  totalBytes: number;
  totalLines: number;
  budget?: { limit: number; exceeded: boolean };
}
export interface ContextReport {
  version: number;
  path: string;
  agents: AgentContext[];
}

/** `guard context <path> --format json` in `dir`, which must succeed quietly. */
export function context(dir: string, path: string): ContextReport {
  const run = runGuard(dir, ["context", path, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ContextReport;
}

export function agent(report: ContextReport, id: string): AgentContext {
  return report.agents.find((entry) => entry.agent === id)!;
}

export const paths = (entry: AgentContext) => entry.files.map((file) => file.path);
export const lines = (count: number, width = 40) => Array.from({ length: count }, (_, i) => `${`line ${i}`.padEnd(width, ".")}\n`).join("");
