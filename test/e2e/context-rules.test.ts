// guard context for glob-scoped rules (Cursor, Copilot), Gemini CLI, and the command's report and usage errors.
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { agent, context, paths, type ContextReport } from "./context-support.js";

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
