// guard mcp as a process: the raw stdio stream, and the --cwd option.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { GUARD_BIN, makeRepo, runGuard } from "../helpers/repo.js";
import { callTool, connectGuard } from "./mcp-client.js";

const BAD = { "AGENTS.md": "# Map\n\nRead [the API](docs/api.md).\n", "src/app.ts": "export const answer = 42;\n" };

describe("guard mcp: the stdio stream", () => {
  it("skips a malformed line with a message on stderr, answers the next request, and exits 0 when stdin closes", async () => {
    const dir = makeRepo(BAD);
    const child = spawn(process.execPath, [GUARD_BIN, "mcp"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };
    child.stdin.write(`{ this is not json\n${JSON.stringify(initialize)}\n`);
    await until(() => stdout.includes("\n"));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { id: number; result: { serverInfo: { name: string } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: 1, result: { serverInfo: { name: "guard" } } });
    expect(stderr).toMatch(/guard mcp: .*JSON/);
  });
});

/** Polls a condition the child process will make true (no timing asserted: the test timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("guard mcp: --cwd", () => {
  it("works on the repository --cwd names, whatever folder it starts in", async () => {
    const dir = makeRepo({ ...BAD, "src/AGENTS.md": "# src\n" });
    const mcp = await connectGuard(makeRepo({ "other.md": "# other\n" }), ["--cwd", dir]);
    const context = await callTool(mcp, "guard_context", { path: "src/app.ts" });
    expect(context.structuredContent).toEqual(JSON.parse(runGuard(dir, ["context", "src/app.ts", "--format", "json"]).stdout));
  });

  it("exits 2 with a message when --cwd is not a folder", () => {
    const dir = makeRepo(BAD);
    const run = runGuard(dir, ["mcp", "--cwd", "no/such/folder"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--cwd no/such/folder: no such folder");
  });
});
