import { describe, expect, it } from "vitest";
import { checkJson, checkRule, commitAll, findingsOf, makeRepo, writeFiles } from "../../helpers/repo.js";

const RULE = "agents/chain-budget";
const budget = (bytes: number) => `agents:\n  maxBytesChain: ${bytes}\n`;
/** A map of exactly `bytes` bytes. */
const map = (bytes: number) => `${"x".repeat(bytes - 1)}\n`;

describe("agents/chain-budget", () => {
  it("fires on the leaf map when root + nested maps exceed agents.maxBytesChain", () => {
    const { report, findings } = checkRule(
      { "guard.yaml": budget(100), "AGENTS.md": map(60), "packages/api/AGENTS.md": map(50), "packages/api/x.ts": "export {};\n" },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "packages/api/AGENTS.md",
        line: 1,
        column: 1,
        message:
          "Codex concatenates AGENTS.md + packages/api/AGENTS.md (110 bytes) for work in packages/api/, over agents.maxBytesChain (100 bytes); it drops everything past the limit, nearest instructions first",
      },
    ]);
    const [diagnostic] = report.diagnostics;
    expect(diagnostic!.evidence).toEqual({ chain: ["AGENTS.md", "packages/api/AGENTS.md"] });
    expect(diagnostic!.related).toEqual([
      { file: "AGENTS.md", line: 1, column: 1, message: "60 bytes, loaded in full" },
      { file: "packages/api/AGENTS.md", line: 1, column: 1, message: "50 bytes, cut after 40 bytes" },
    ]);
    expect(diagnostic!.fix).toContain("starting with the largest, AGENTS.md (60 bytes)");
  });

  it("reports once per leaf, not on the folders in between, and skips folders without a map", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": budget(100),
        "AGENTS.md": map(40),
        "apps/AGENTS.md": map(40),
        "apps/web/AGENTS.md": map(30),
        "apps/admin/AGENTS.md": map(30),
        "libs/core/AGENTS.md": map(50),
      },
      RULE,
    );
    expect(findings.map((f) => f.file)).toEqual(["apps/admin/AGENTS.md", "apps/web/AGENTS.md"]);
  });

  it("counts AGENTS.override.md instead of AGENTS.md in the same folder, as Codex does", () => {
    const files = { "guard.yaml": budget(100), "AGENTS.md": map(60), "pkg/AGENTS.md": map(60), "pkg/AGENTS.override.md": map(10) };
    expect(checkRule(files, RULE).findings).toEqual([]);
    const { findings } = checkRule({ ...files, "pkg/AGENTS.override.md": map(45) }, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe("pkg/AGENTS.override.md");
    expect(findings[0]!.message).toContain("AGENTS.md + pkg/AGENTS.override.md (105 bytes)");
  });

  it("stays quiet at exactly the budget, with empty maps, and when the budget is 0", () => {
    expect(checkRule({ "guard.yaml": budget(100), "AGENTS.md": map(60), "a/AGENTS.md": map(40) }, RULE).findings).toEqual([]);
    expect(checkRule({ "guard.yaml": budget(100), "AGENTS.md": map(100), "a/AGENTS.md": "  \n" }, RULE).findings).toEqual([]);
    expect(checkRule({ "guard.yaml": budget(0), "AGENTS.md": map(60000), "a/AGENTS.md": map(60000) }, RULE).findings).toEqual([]);
  });

  it("uses the 32 KiB default and keeps the fingerprint when the maps grow", () => {
    const dir = makeRepo({ "AGENTS.md": map(20000), "pkg/AGENTS.md": map(13000) });
    const before = checkJson(dir, ["--only", RULE]);
    expect(findingsOf(before, RULE).map((f) => f.file)).toEqual(["pkg/AGENTS.md"]);
    writeFiles(dir, { "pkg/AGENTS.md": map(14000) });
    commitAll(dir, "grow");
    const after = checkJson(dir, ["--only", RULE]);
    expect(after.diagnostics[0]!.message).toContain("(34000 bytes)");
    expect(after.diagnostics[0]!.fingerprint).toBe(before.diagnostics[0]!.fingerprint);
  });
});
