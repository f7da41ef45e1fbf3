import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";

interface ContextFile {
  path: string;
  bytes: number;
  lines: number;
  reason: string;
  cut?: "truncated" | "dropped";
  keptBytes?: number;
}
interface AgentContext {
  agent: string;
  files: ContextFile[];
  totalBytes: number;
  totalLines: number;
  budget?: { limit: number; exceeded: boolean };
}
interface ContextReport {
  version: number;
  path: string;
  agents: AgentContext[];
}

function context(dir: string, path: string): ContextReport {
  const run = runGuard(dir, ["context", path, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ContextReport;
}

function agent(report: ContextReport, id: string): AgentContext {
  return report.agents.find((entry) => entry.agent === id)!;
}

const paths = (entry: AgentContext) => entry.files.map((file) => file.path);
const lines = (count: number, width = 40) => Array.from({ length: count }, (_, i) => `${`line ${i}`.padEnd(width, ".")}\n`).join("");

describe("guard context: Codex", () => {
  const dir = makeRepo({
    "AGENTS.md": "# Root map\n\nRun npm test.\n",
    "src/AGENTS.md": "# src map, shadowed\n",
    "src/AGENTS.override.md": "# src override\n",
    "src/api/AGENTS.md": "# api map\n",
    "src/api/handler.ts": "export {};\n",
    "src/web/page.ts": "export {};\n",
  });

  it("lists the chain from the root down to the path's folder, the override instead of AGENTS.md", () => {
    const codex = agent(context(dir, "src/api/handler.ts"), "codex");
    expect(paths(codex)).toEqual(["AGENTS.md", "src/AGENTS.override.md", "src/api/AGENTS.md"]);
    expect(codex.files[1]!.reason).toContain("AGENTS.override.md is read instead of src/AGENTS.md");
    expect(codex.files[0]).toMatchObject({ bytes: 26, lines: 3, reason: "map of the repo root" });
    expect(codex.totalBytes).toBe(26 + 15 + 10);
    expect(codex.budget).toEqual({ limit: 32768, exceeded: false });
    expect(codex.files.every((file) => file.cut === undefined)).toBe(true);
  });

  it("leaves out the maps of sibling folders", () => {
    expect(paths(agent(context(dir, "src/web/page.ts"), "codex"))).toEqual(["AGENTS.md", "src/AGENTS.override.md"]);
  });

  it("truncates the file that crosses agents.maxBytesChain and drops the ones after it", () => {
    const big = makeRepo({
      "guard.yaml": "extends: [recommended]\nagents:\n  maxBytesChain: 1000\n",
      "AGENTS.md": lines(15), // 615 bytes
      "pkg/AGENTS.md": lines(15),
      "pkg/deep/AGENTS.md": "# deep\n",
      "pkg/deep/file.ts": "export {};\n",
    });
    const report = context(big, "pkg/deep/file.ts");
    const codex = agent(report, "codex");
    expect(codex.budget).toEqual({ limit: 1000, exceeded: true });
    expect(codex.files.map((file) => [file.path, file.cut, file.keptBytes])).toEqual([
      ["AGENTS.md", undefined, undefined],
      ["pkg/AGENTS.md", "truncated", 385],
      ["pkg/deep/AGENTS.md", "dropped", 0],
    ]);
    expect(codex.totalBytes).toBe(1000);
    const text = runGuard(big, ["context", "pkg/deep/file.ts"]);
    expect(text.code).toBe(0); // a report: the gate is agents/chain-budget in guard check
    expect(text.stdout).toContain("budget 1000 bytes: EXCEEDED");
    expect(text.stdout).toMatch(/pkg\/AGENTS\.md .*\[TRUNCATED: only the first 385 bytes are read\]/);
    expect(text.stdout).toMatch(/pkg\/deep\/AGENTS\.md .*\[DROPPED: not read\]/);
  });
});

describe("guard context: Claude Code", () => {
  const dir = makeRepo({
    "CLAUDE.md": "# Root\n\nSee @docs/style.md and `@docs/not-an-import.md`.\n",
    "CLAUDE.local.md": "# mine\n",
    "docs/style.md": "# Style\n\n@naming.md\n",
    "docs/naming.md": "# Naming\n",
    "docs/not-an-import.md": "# never loaded\n",
    "packages/web/CLAUDE.md": "# Web\n",
    "packages/web/app.tsx": "export {};\n",
    "packages/api/server.ts": "export {};\n",
  });

  it("walks up from the path with each map's imports after it; code spans are not imports", () => {
    const claude = agent(context(dir, "packages/web/app.tsx"), "claude");
    expect(paths(claude)).toEqual(["CLAUDE.md", "docs/style.md", "docs/naming.md", "CLAUDE.local.md", "packages/web/CLAUDE.md"]);
    expect(claude.files[2]!.reason).toBe("imported by docs/style.md (@naming.md), hop 2");
    expect(claude.budget).toBeUndefined();
  });

  it("does not load a sibling package's CLAUDE.md", () => {
    expect(paths(agent(context(dir, "packages/api/server.ts"), "claude"))).not.toContain("packages/web/CLAUDE.md");
  });

  it("drops an import more than five hops from the map", () => {
    const chain: Record<string, string> = { "CLAUDE.md": "@d/1.md\n" };
    for (let hop = 1; hop <= 6; hop++) chain[`d/${hop}.md`] = hop < 6 ? `@./${hop + 1}.md\n` : "# end\n";
    const deep = makeRepo(chain);
    const claude = agent(context(deep, "."), "claude");
    expect(claude.files.map((file) => [file.path, file.cut])).toEqual([
      ["CLAUDE.md", undefined],
      ["d/1.md", undefined],
      ["d/2.md", undefined],
      ["d/3.md", undefined],
      ["d/4.md", undefined],
      ["d/5.md", undefined],
      ["d/6.md", "dropped"],
    ]);
    expect(claude.files[6]!.reason).toContain("past the 5-hop import limit");
  });
});

describe("guard context: Cursor", () => {
  const dir = makeRepo({
    ".cursorrules": "legacy rules\n",
    ".cursor/rules/always.mdc": "---\ndescription: core\nglobs:\nalwaysApply: true\n---\n# Core\n",
    ".cursor/rules/api.mdc": "---\ndescription: api\nglobs: src/api/**\nalwaysApply: false\n---\n# API\n",
    ".cursor/rules/react.mdc": "---\ndescription: react\nglobs: *.tsx, *.jsx\nalwaysApply: false\n---\n# React\n",
    ".cursor/rules/manual.mdc": "---\ndescription: only when asked\n---\n# Manual\n",
    "src/api/handler.ts": "export {};\n",
    "src/ui/Button.tsx": "export {};\n",
  });

  it("loads alwaysApply rules and the rules whose globs match the path", () => {
    const cursor = agent(context(dir, "src/api/handler.ts"), "cursor");
    expect(paths(cursor)).toEqual([".cursorrules", ".cursor/rules/always.mdc", ".cursor/rules/api.mdc"]);
    expect(cursor.files[2]!.reason).toBe('globs "src/api/**" match src/api/handler.ts');
  });

  it("matches a glob without a slash against the file name at any depth (Cursor's own `*.tsx, *.jsx` form)", () => {
    expect(paths(agent(context(dir, "src/ui/Button.tsx"), "cursor"))).toEqual([".cursorrules", ".cursor/rules/always.mdc", ".cursor/rules/react.mdc"]);
  });

  it("never loads a description-only (agent-requested or manual) rule", () => {
    expect(paths(agent(context(dir, "src"), "cursor"))).not.toContain(".cursor/rules/manual.mdc");
  });
});

describe("guard context: GitHub Copilot", () => {
  const dir = makeRepo({
    ".github/copilot-instructions.md": "# Repo-wide\n",
    ".github/instructions/ts.instructions.md": '---\napplyTo: "**/*.ts"\n---\n# TypeScript\n',
    ".github/instructions/py.instructions.md": '---\napplyTo: "**/*.py"\n---\n# Python\n',
    "src/app.ts": "export {};\n",
    "README.md": "# readme\n",
  });

  it("loads the repository-wide file and the instructions whose applyTo matches", () => {
    const copilot = agent(context(dir, "src/app.ts"), "copilot");
    expect(paths(copilot)).toEqual([".github/copilot-instructions.md", ".github/instructions/ts.instructions.md"]);
    expect(copilot.files[1]!.reason).toBe('applyTo "**/*.ts" matches src/app.ts');
  });

  it("for a file no applyTo matches, only the repository-wide file", () => {
    expect(paths(agent(context(dir, "README.md"), "copilot"))).toEqual([".github/copilot-instructions.md"]);
  });

  it("for a folder, the instructions matching any file in it", () => {
    expect(paths(agent(context(dir, "src/"), "copilot"))).toContain(".github/instructions/ts.instructions.md");
  });
});

describe("guard context: Gemini CLI", () => {
  const dir = makeRepo({
    "GEMINI.md": "# Root\n@docs/gemini-extra.md\n",
    "docs/gemini-extra.md": "# Extra\n",
    "service/GEMINI.md": "# Service\n",
    "service/main.go": "package main\n",
    "tools/run.sh": "echo\n",
  });

  it("loads GEMINI.md from the root down to the path's folder, with imports", () => {
    expect(paths(agent(context(dir, "service/main.go"), "gemini"))).toEqual(["GEMINI.md", "docs/gemini-extra.md", "service/GEMINI.md"]);
  });

  it("leaves out GEMINI.md files of other folders", () => {
    expect(paths(agent(context(dir, "tools/run.sh"), "gemini"))).toEqual(["GEMINI.md", "docs/gemini-extra.md"]);
  });
});

describe("guard context: report and usage", () => {
  it("reports every agent with no files in a repo without instruction files", () => {
    const dir = makeRepo({ "src/a.ts": "export {};\n" });
    const report = context(dir, "src/a.ts");
    expect(report).toMatchObject({ version: 1, path: "src/a.ts" });
    expect(report.agents.map((entry) => [entry.agent, entry.files.length, entry.totalBytes])).toEqual([
      ["codex", 0, 0],
      ["claude", 0, 0],
      ["cursor", 0, 0],
      ["copilot", 0, 0],
      ["gemini", 0, 0],
    ]);
    expect(runGuard(dir, ["context", "src/a.ts"]).stdout).toContain("Codex: no instruction files");
  });

  it("resolves a path relative to the working directory", () => {
    const dir = makeRepo({ "AGENTS.md": "# Root\n", "src/AGENTS.md": "# src\n", "src/a.ts": "export {};\n" });
    const run = runGuard(`${dir}/src`, ["context", "a.ts", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ContextReport;
    expect(report.path).toBe("src/a.ts");
    expect(paths(agent(report, "codex"))).toEqual(["AGENTS.md", "src/AGENTS.md"]);
  });

  it("exits 2 with a message for a path outside the repo or a path that does not exist", () => {
    const dir = makeRepo({ "AGENTS.md": "# Root\n" });
    const outside = runGuard(dir, ["context", ".."]);
    expect(outside.code).toBe(2);
    expect(outside.stdout).toBe("");
    expect(outside.stderr).toMatch(/^guard: \.\. is outside the repository/);
    const missing = runGuard(dir, ["context", "nope/file.ts"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no file or folder nope/file.ts in the repository");
    expect(runGuard(dir, ["context"]).code).toBe(2);
    expect(runGuard(dir, ["context", ".", "--format", "xml"]).code).toBe(2);
  });
});
