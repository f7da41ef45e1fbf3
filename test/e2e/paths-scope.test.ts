import { describe, expect, it } from "vitest";
import { checkJson, makeRepo } from "../helpers/repo.js";
import { answerOf, claudeEdit, runHook } from "./agent-hooks-support.js";
import { LIMITS, lines } from "./support.js";

// A check scoped to paths skips work whose findings it would drop (see suppression-index.ts and
// guard/dead-glob): what it reports on the scoped files must not change.
const rules = (dir: string, args: string[]) => checkJson(dir, ["--only", "agents/max-lines,guard", ...args]).diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);

describe("a check scoped to paths", () => {
  it("still applies the suppressions written in the scoped file", () => {
    const suppressed = "# Map\nline 2\n<!-- guard-ignore agents/max-lines -- generated table -->\nline 4\nline 5\n";
    const dir = makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": suppressed, "pkg/AGENTS.md": lines(5) });
    expect(rules(dir, ["AGENTS.md"])).toEqual([]);
    expect(rules(dir, ["pkg/AGENTS.md"])).toEqual(["agents/max-lines pkg/AGENTS.md:4"]);
    expect(runHook(dir, "claude", claudeEdit(dir, "AGENTS.md")).stdout).toBe("");
    expect(answerOf(runHook(dir, "claude", claudeEdit(dir, "pkg/AGENTS.md")))!.decision).toBe("block");
  });

  it("reports a dead glob when guard.yaml is in scope, and not for a scope elsewhere", () => {
    const dir = makeRepo({ "guard.yaml": `${LIMITS}exclude: ["gone/**"]\nlayers:\n  - { name: core, paths: ["src/nowhere/**"] }\n`, "AGENTS.md": lines(2), "src/a.ts": "export const a = 1;\n" });
    expect(rules(dir, ["guard.yaml"])).toEqual(["guard/dead-glob guard.yaml:7"]);
    expect(rules(dir, ["src/a.ts"])).toEqual([]);
  });
});
