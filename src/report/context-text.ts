import { AGENT_NAMES, type AgentContext, type ContextFile, type ContextReport } from "../context/types.js";

/** `guard context` as text: per agent, its files in load order with bytes, lines and why, then the totals and budget. */
export function formatContextText(report: ContextReport): string {
  const out = [`Instruction files agents load for ${report.path}`, ""];
  for (const agent of report.agents) out.push(...agentBlock(agent), "");
  return `${out.join("\n").trimEnd()}\n`;
}

function agentBlock(agent: AgentContext): string[] {
  const budget = agent.budget
    ? `, budget ${agent.budget.limit} bytes${agent.budget.exceeded ? ": EXCEEDED" : ""}`
    : "";
  const header = `${AGENT_NAMES[agent.agent]}: ${agent.files.length ? `${agent.totalBytes} bytes, ${plural(agent.totalLines, "line")} loaded` : "no instruction files"}${budget}`;
  if (!agent.files.length) return [header];
  const width = Math.max(...agent.files.map((file) => file.path.length));
  const bytesWidth = Math.max(...agent.files.map((file) => String(file.bytes).length));
  return [header, ...agent.files.map((file, index) => `  ${index + 1}. ${file.path.padEnd(width)}  ${String(file.bytes).padStart(bytesWidth)} B  ${String(file.lines).padStart(4)} ${file.lines === 1 ? "line " : "lines"}  ${file.reason}${cutNote(file)}`)];
}

function cutNote(file: ContextFile): string {
  if (file.cut === "truncated") return ` [TRUNCATED: only the first ${file.keptBytes} bytes are read]`;
  if (file.cut === "dropped") return " [DROPPED: not read]";
  return "";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
