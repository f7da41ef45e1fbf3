import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { serveStdio } from "../../adapters/mcp/server.js";
import { UsageError } from "../../core/errors.js";
import type { Io } from "../io.js";

export interface McpFlags {
  cwd?: string;
  config?: string;
}

/**
 * `guard mcp`: a stdio MCP server for the repository it is started in (or --cwd). Stdout carries
 * protocol messages only, so anything a library logs with console goes to stderr.
 */
export async function runMcp(flags: McpFlags, io: Io): Promise<number> {
  const root = resolve(io.cwd, flags.cwd ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--cwd ${flags.cwd}: no such folder`, { expected: "the repository's folder" });
  console.log = console.info = console.debug = (...parts: unknown[]) => io.stderr(`${parts.map(String).join(" ")}\n`);
  await serveStdio({ root, config: flags.config, log: (line) => io.stderr(`${line}\n`) });
  return 0;
}
