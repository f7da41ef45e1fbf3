import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { packageVersion } from "../../core/package-root.js";
import { ConfigMemo } from "./config-memo.js";
import { checkInput, checkOutput, contextInput, contextOutput, explainInput, learnInputSchema, rulesOutput } from "./schemas.js";
import { answer, guardCheck, guardContext, guardExplain, guardLearn, guardRules, type ToolContext } from "./tools.js";

export interface McpOptions {
  /** The repository the tools work on (the folder the server was started in, or --cwd). */
  root: string;
  config?: string;
  /** Where the server logs: stderr, since stdout carries only protocol messages. */
  log: (line: string) => void;
}

/** The guard MCP server with its five tools; one per process, so modules and the kept config serve every call. */
export function createGuardServer(options: McpOptions): McpServer {
  const context: ToolContext = { root: options.root, memo: new ConfigMemo(options.root, options.config, options.log) };
  const server = new McpServer({ name: "guard", version: packageVersion() });
  server.registerTool(
    "guard_check",
    {
      title: "guard check",
      description:
        "Check the repository (or the given paths, or the staged change) with guard: AGENTS.md maps, docs, layers, the repo's rule files. Findings are results, not errors: each says what is wrong, where, and how to fix it.",
      inputSchema: checkInput,
      outputSchema: checkOutput,
    },
    (args) => answer(context, () => guardCheck(context, args)),
  );
  server.registerTool(
    "guard_explain",
    { title: "guard explain", description: "A rule's documentation: what it checks, why, and how to fix a finding.", inputSchema: explainInput },
    (args) => answer(context, () => guardExplain(context, args)),
  );
  server.registerTool(
    "guard_rules",
    { title: "guard rules list", description: "Every rule (built in and the repo's rule files) with its severity in this repository.", outputSchema: rulesOutput },
    () => answer(context, () => guardRules(context)),
  );
  server.registerTool(
    "guard_context",
    {
      title: "guard context",
      description: "Which instruction files Codex, Claude Code, Cursor, Copilot and Gemini CLI load for a file or folder, in load order, with bytes, lines and Codex's byte budget.",
      inputSchema: contextInput,
      outputSchema: contextOutput,
    },
    (args) => answer(context, () => guardContext(context, args)),
  );
  server.registerTool(
    "guard_learn",
    {
      title: "guard learn",
      description:
        "Turn an observed mistake (a fix commit, two revisions, a diff, or a direct pattern) into a repo rule proven on the real revisions. A dry run unless write is true.",
      inputSchema: learnInputSchema,
    },
    (args) => answer(context, () => guardLearn(context, args)),
  );
  return server;
}

/** Serves on stdin/stdout until the client closes stdin. */
export async function serveStdio(options: McpOptions): Promise<void> {
  const server = createGuardServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
  });
  await server.connect(transport);
  // A line that is not JSON-RPC (malformed JSON on stdin) is skipped by the transport; say so on stderr.
  server.server.onerror = (error) => options.log(`guard mcp: ${error.message}`);
  options.log(`guard mcp: serving ${options.root} on stdio`);
  await closed;
  await server.close();
}
