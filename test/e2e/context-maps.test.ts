// guard context for the agents that read a chain of maps: Codex (with its byte budget) and Claude Code (with imports).
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { agent, context, lines, paths } from "./context-support.js";

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

  it("lists a git-ignored CLAUDE.local.md, which Claude Code loads from disk", () => {
    const local = makeRepo({ ".gitignore": "CLAUDE.local.md\n", "CLAUDE.md": "# Team\n", "CLAUDE.local.md": "# Mine\n", "a.ts": "export {};\n" });
    const claude = agent(context(local, "a.ts"), "claude");
    expect(claude.files.map((file) => [file.path, file.reason])).toEqual([
      ["CLAUDE.md", "CLAUDE.md of the repo root"],
      ["CLAUDE.local.md", "CLAUDE.local.md of the repo root (git-ignored)"],
    ]);
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

