import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll } from "vitest";
import { GUARD_BIN } from "../helpers/repo.js";

export interface GuardMcp {
  client: Client;
  /** Everything the server wrote on stderr so far. */
  stderr: () => string;
  /** Transport or protocol errors the client saw (a stray line on stdout would land here). */
  errors: Error[];
}

const open: Client[] = [];
afterAll(async () => {
  for (const client of open.splice(0)) await client.close();
});

/** `guard mcp` started by the SDK's own stdio client in `cwd`, as an agent would start it. */
export async function connectGuard(cwd: string, args: string[] = []): Promise<GuardMcp> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [GUARD_BIN, "mcp", ...args],
    cwd,
    env: { ...process.env, NO_COLOR: "1" } as Record<string, string>,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const client = new Client({ name: "guard-test", version: "1.0.0" });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  open.push(client);
  return { client, stderr: () => stderr, errors };
}

export interface ToolAnswer {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export async function callTool(mcp: GuardMcp, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  return (await mcp.client.callTool({ name, arguments: args })) as ToolAnswer;
}
