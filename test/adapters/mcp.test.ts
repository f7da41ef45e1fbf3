import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { describe, expect, it } from "vitest";
import { execGit, makeRepo, runGuard } from "../helpers/repo.js";
import { history } from "../e2e/learn-helpers.js";
import { callTool, connectGuard, type GuardMcp } from "./mcp-client.js";

const BAD = {
  "AGENTS.md": "# Map\n\nRead [the guide](docs/guide.md) and [the API](docs/api.md).\n",
  "docs/guide.md": "# Guide\n\nBack to [the map](../AGENTS.md).\n",
  "src/app.ts": "export const answer = 42;\n",
};

async function outputSchemaOf(mcp: GuardMcp, tool: string): Promise<Record<string, unknown>> {
  const { tools } = await mcp.client.listTools();
  return tools.find((entry) => entry.name === tool)!.outputSchema as Record<string, unknown>;
}

describe("guard mcp: tools", () => {
  it("lists its five tools with their schemas", async () => {
    const mcp = await connectGuard(makeRepo(BAD));
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["guard_check", "guard_explain", "guard_rules", "guard_context", "guard_learn"]);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(Object.keys(byName.guard_check!.inputSchema.properties ?? {})).toEqual(["paths", "staged", "only"]);
    expect(Object.keys(byName.guard_check!.outputSchema?.properties ?? {})).toEqual(["version", "tool", "summary", "diagnostics", "timing"]);
    expect(byName.guard_explain!.inputSchema.required).toEqual(["rule"]);
    expect(byName.guard_context!.inputSchema.required).toEqual(["path"]);
    expect(Object.keys(byName.guard_learn!.inputSchema.properties ?? {})).toContain("write");
    expect(byName.guard_rules!.outputSchema).toBeDefined();
    expect(mcp.errors).toEqual([]);
  });

  it("guard_check answers the JSON v1 report of `guard check --format json` and the agent format's text", async () => {
    const dir = makeRepo(BAD);
    const mcp = await connectGuard(dir);
    const answer = await callTool(mcp, "guard_check");
    expect(answer.isError).toBe(false);
    const { code, stderr, ...cli } = JSON.parse(JSON.stringify({ ...checkJsonOf(dir) }));
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(answer.structuredContent).toEqual(cli);
    expect((answer.structuredContent as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
    expect(answer.content[0]!.text).toBe(runGuard(dir, ["check", "--format", "agent"]).stdout);
    const validate = new AjvJsonSchemaValidator().getValidator(await outputSchemaOf(mcp, "guard_check"));
    expect(validate(answer.structuredContent)).toMatchObject({ valid: true });
    expect(validate({ ...answer.structuredContent, version: 2 })).toMatchObject({ valid: false });
  });

  it("guard_check on a clean repo: no findings, not an error", async () => {
    const mcp = await connectGuard(makeRepo({ ...BAD, "docs/api.md": "# API\n\nSee [the map](../AGENTS.md).\n" }));
    const answer = await callTool(mcp, "guard_check");
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent).toMatchObject({ summary: { errors: 0, warnings: 0 }, diagnostics: [] });
    expect(answer.content[0]!.text).toContain("clean");
  });

  it("guard_check takes paths, only and staged as `guard check` does", async () => {
    const dir = makeRepo(BAD);
    const mcp = await connectGuard(dir);
    const only = await callTool(mcp, "guard_check", { only: ["agents/max-lines"] });
    expect(only.structuredContent).toEqual(stripRun(checkJsonOf(dir, ["--only", "agents/max-lines"])));
    const paths = await callTool(mcp, "guard_check", { paths: ["src"] });
    expect(paths.structuredContent).toEqual(stripRun(checkJsonOf(dir, ["src"])));
    writeFileSync(join(dir, "docs/guide.md"), "# Guide\n\nSee [nothing](nowhere.md).\n");
    execGit(dir, ["add", "docs/guide.md"]);
    const staged = await callTool(mcp, "guard_check", { staged: true });
    expect(staged.structuredContent).toEqual(stripRun(checkJsonOf(dir, ["--staged"])));
    expect(JSON.stringify(staged.structuredContent)).toContain("nowhere.md");
  });

  it("a second call reuses the kept config, resolved again only once guard.yaml changes", async () => {
    const dir = makeRepo({ ...BAD, "guard.yaml": "extends: [recommended]\n" });
    const mcp = await connectGuard(dir);
    const first = await callTool(mcp, "guard_check");
    const second = await callTool(mcp, "guard_check");
    expect(second).toEqual(first);
    expect(resolutions(mcp)).toEqual([1]);
    writeFileSync(join(dir, "guard.yaml"), "extends: [recommended]\nrules:\n  docs/dead-link: off\n");
    const third = await callTool(mcp, "guard_check");
    expect(resolutions(mcp)).toEqual([1, 2]);
    expect(JSON.stringify(third.structuredContent)).not.toContain("docs/dead-link");
  });

  it("answers calls sent at once, one after the other, with the same result", async () => {
    const mcp = await connectGuard(makeRepo(BAD));
    const [first, second, rules] = await Promise.all([callTool(mcp, "guard_check"), callTool(mcp, "guard_check"), callTool(mcp, "guard_rules")]);
    expect(second).toEqual(first);
    expect(first.isError).toBe(false);
    expect(rules.isError).toBe(false);
    expect(resolutions(mcp)).toEqual([1]);
  });

  it("malformed arguments and a broken config are tool errors; the server goes on", async () => {
    const dir = makeRepo(BAD);
    const mcp = await connectGuard(dir);
    const malformed = await callTool(mcp, "guard_check", { paths: "src", only: 3 });
    expect(malformed.isError).toBe(true);
    expect(malformed.content[0]!.text).toContain("Input validation error");
    const unknownRule = await callTool(mcp, "guard_check", { only: ["docs/dead-lnk"] });
    expect(unknownRule.isError).toBe(true);
    writeFileSync(join(dir, "guard.yaml"), "extends: [recommended]\nmpas: [AGENTS.md]\n");
    const broken = await callTool(mcp, "guard_check");
    expect(broken.isError).toBe(true);
    expect(broken.content[0]!.text).toBe(runGuard(dir, ["check"]).stderr.replace(/^guard: /, "").trimEnd());
    writeFileSync(join(dir, "guard.yaml"), "extends: [recommended]\n");
    expect((await callTool(mcp, "guard_check")).isError).toBe(false);
    expect(mcp.errors).toEqual([]);
  });

  it("guard_explain, guard_rules and guard_context answer what their commands print", async () => {
    const dir = makeRepo({ ...BAD, "src/AGENTS.md": "# src\n" });
    const mcp = await connectGuard(dir);
    const explain = await callTool(mcp, "guard_explain", { rule: "docs/dead-link" });
    expect(explain.content[0]!.text).toBe(runGuard(dir, ["explain", "docs/dead-link"]).stdout);
    const unknown = await callTool(mcp, "guard_explain", { rule: "docs/dead-lnk" });
    expect(unknown).toMatchObject({ isError: true });
    expect(unknown.content[0]!.text).toContain("docs/dead-link");
    const rules = await callTool(mcp, "guard_rules");
    expect(rules.structuredContent).toEqual(JSON.parse(runGuard(dir, ["rules", "list", "--format", "json"]).stdout));
    const context = await callTool(mcp, "guard_context", { path: "src/app.ts" });
    expect(context.structuredContent).toEqual(JSON.parse(runGuard(dir, ["context", "src/app.ts", "--format", "json"]).stdout));
    const validate = new AjvJsonSchemaValidator().getValidator(await outputSchemaOf(mcp, "guard_context"));
    expect(validate(context.structuredContent)).toMatchObject({ valid: true });
    const outside = await callTool(mcp, "guard_context", { path: "../elsewhere" });
    expect(outside.isError).toBe(true);
    expect(outside.content[0]!.text).toContain("outside the repository");
  });

  it("guard_learn from a fix commit proposes what `guard learn --commit --dry-run` proposes", async () => {
    const total = (extra: string) => `export function total(prices: number[]): number {\n  let sum = 0;\n${extra}  for (const price of prices) sum += price;\n  return sum;\n}\n`;
    const base = { "guard.yaml": "extends: [recommended]\n", "AGENTS.md": "# Map\n\nDomain code lives in src/domain.\n" };
    const { dir } = history({ ...base, "src/domain/order.ts": total("") }, { "src/domain/order.ts": total("  debugger;\n") }, { "src/domain/order.ts": total("") });
    const mcp = await connectGuard(dir);
    const dry = await callTool(mcp, "guard_learn", { commit: "HEAD" });
    expect(dry.isError).toBe(false);
    expect(dry.structuredContent).toEqual(JSON.parse(runGuard(dir, ["learn", "--commit", "HEAD", "--dry-run"]).stdout));
    expect((dry.structuredContent as { proposals: unknown[] }).proposals.length).toBeGreaterThan(0);
    expect(execGit(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe("");
    const twoForms = await callTool(mcp, "guard_learn", { commit: "HEAD", pattern: "debugger" });
    expect(twoForms.isError).toBe(true);
    expect(twoForms.content[0]!.text).toContain("one input at a time");
  });

  it("guard_learn is a dry run that writes nothing unless write is true", async () => {
    const dir = makeRepo(BAD);
    const mcp = await connectGuard(dir);
    const rule = { pattern: "console.log($A)", in: "src/**/*.ts", message: "no console.log in src", fix: "use the logger" };
    await callTool(mcp, "guard_rules");
    const dry = await callTool(mcp, "guard_learn", rule);
    expect(dry.isError).toBe(false);
    expect(dry.content[0]!.text).toContain("dry run, nothing written");
    expect((dry.structuredContent as { proposals: unknown[] }).proposals).toHaveLength(1);
    expect(execGit(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe("");
    const written = await callTool(mcp, "guard_learn", { ...rule, write: true });
    expect(written.isError).toBe(false);
    const learned = join(dir, ".guard/rules/learned");
    expect(existsSync(learned) ? readdirSync(learned) : []).toHaveLength(1);
    expect(written.content[0]!.text).toMatch(/^wrote \.guard\/rules\/learned\/.+\.yaml/);
    // A new rule file: the kept config is resolved again, and the new rule is listed.
    const rules = (await callTool(mcp, "guard_rules")).structuredContent as { rules: { id: string; kind: string }[] };
    expect(rules.rules.filter((entry) => entry.kind !== "built-in")).toHaveLength(1);
    expect(resolutions(mcp)).toEqual([1, 2]);
  });
});

function checkJsonOf(dir: string, args: string[] = []): Record<string, unknown> & { code: number; stderr: string } {
  const run = runGuard(dir, ["check", "--format", "json", ...args]);
  return { ...(JSON.parse(run.stdout) as Record<string, unknown>), code: run.code, stderr: run.stderr };
}

function stripRun(report: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, stderr: _stderr, ...rest } = report;
  return rest;
}

/** The resolution counts the server logged on stderr ("resolution N"). */
function resolutions(mcp: GuardMcp): number[] {
  return [...mcp.stderr().matchAll(/resolution (\d+)\)/g)].map((match) => Number(match[1]));
}
