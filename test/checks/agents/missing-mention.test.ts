import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/missing-mention";
const CONFIG = 'agents:\n  requiredMentions: ["init.sh", "feature_list.json", "claude-progress.txt|progress.md"]\n';
const FILES = { "init.sh": "#!/bin/sh\nnpm ci\n", "feature_list.json": "[]\n", "claude-progress.txt": "session 1\n" };

describe("agents/missing-mention", () => {
  it("fires once per required name the root map does not mention, at line 1", () => {
    const { findings, report } = checkRule(
      { ...FILES, "guard.yaml": CONFIG, "AGENTS.md": "# Shop\n\nRun `./init.sh` first.\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 1, column: 1, message: "AGENTS.md does not mention claude-progress.txt (or progress.md) (agents.requiredMentions asks every top-level map to)" },
      { file: "AGENTS.md", line: 1, column: 1, message: "AGENTS.md does not mention feature_list.json (agents.requiredMentions asks every top-level map to)" },
    ]);
    expect(report.diagnostics.map((d) => d.evidence)).toEqual([{ mention: "claude-progress.txt|progress.md" }, { mention: "feature_list.json" }]);
    expect(report.diagnostics[1]!.fix).toContain("Name feature_list.json in AGENTS.md");
  });

  it("counts prose, inline code, links, fenced blocks, a folder before the name and any one alternative", () => {
    const map = [
      "# Shop",
      "",
      "Start each session: read [the features](feature_list.json) and progress.md.",
      "",
      "```sh",
      "./scripts/init.sh",
      "```",
      "",
    ].join("\n");
    const files = { "guard.yaml": CONFIG, "AGENTS.md": map, "scripts/init.sh": "#!/bin/sh\n", "feature_list.json": "[]\n", "progress.md": "x\n" };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });

  it("does not count a longer name that merely contains it", () => {
    const map = "# Shop\n\nRun xinit.sh, keep init.sh.bak, see feature_list.json and claude-progress.txt.\n";
    const { findings } = checkRule({ ...FILES, "guard.yaml": CONFIG, "AGENTS.md": map }, RULE);
    expect(findings.map((f) => f.message)).toEqual(["AGENTS.md does not mention init.sh (agents.requiredMentions asks every top-level map to)"]);
  });

  it("reports a named file that does not exist, at the mention, when no other rule does", () => {
    const map = "# Shop\n\nFirst run init.sh, then read feature_list.json and claude-progress.txt.\n";
    const { findings, report } = checkRule({ "guard.yaml": CONFIG, "AGENTS.md": map, "feature_list.json": "[]\n", "claude-progress.txt": "" }, RULE);
    expect(findings).toEqual([{ file: "AGENTS.md", line: 3, column: 11, message: "AGENTS.md names init.sh, which does not exist" }]);
    expect(report.diagnostics[0]!.evidence).toEqual({ path: "init.sh" });
  });

  it("reports a missing file in inline code too, but leaves a path agents/missing-path reports to it", () => {
    const base = { "guard.yaml": CONFIG, "feature_list.json": "[]\n", "claude-progress.txt": "" };
    const bare = { ...base, "AGENTS.md": "# Shop\n\nFirst run `./init.sh`, then read feature_list.json and claude-progress.txt.\n" };
    expect(checkRule(bare, RULE).findings.map((f) => [f.line, f.column, f.message])).toEqual([[3, 12, "AGENTS.md names init.sh, which does not exist"]]);
    const inFolder = {
      ...base,
      "scripts/build.sh": "#!/bin/sh\n",
      "AGENTS.md": "# Shop\n\nFirst run `scripts/init.sh`, then read feature_list.json and claude-progress.txt.\n",
    };
    expect(checkRule(inFolder, RULE).findings).toEqual([]);
    expect(checkRule(inFolder, "agents/missing-path").findings.map((f) => [f.line, f.column])).toEqual([[3, 11]]);
  });

  it("checks only top-level maps, and each package's map when the root has none", () => {
    const mentions = "Read init.sh, feature_list.json and claude-progress.txt.\n";
    const nested = { ...FILES, "guard.yaml": CONFIG, "AGENTS.md": `# Shop\n\n${mentions}`, "packages/api/AGENTS.md": "# API\n\nDetails.\n" };
    expect(checkRule(nested, RULE).findings).toEqual([]);
    const packages = {
      "guard.yaml": CONFIG,
      "packages/api/AGENTS.md": `# API\n\n${mentions}`,
      "packages/api/init.sh": "#!/bin/sh\n",
      "packages/api/feature_list.json": "[]\n",
      "packages/api/claude-progress.txt": "",
      "packages/web/AGENTS.md": "# Web\n\nRead feature_list.json and progress.md.\n",
      "feature_list.json": "[]\n",
      "progress.md": "",
    };
    expect(checkRule(packages, RULE).findings.map((f) => [f.file, f.message])).toEqual([
      ["packages/web/AGENTS.md", "packages/web/AGENTS.md does not mention init.sh (agents.requiredMentions asks every top-level map to)"],
    ]);
  });

  it("stays quiet when agents.requiredMentions is empty (the default)", () => {
    expect(checkRule({ "AGENTS.md": "# Shop\n\nNothing named.\n" }, RULE).findings).toEqual([]);
  });
});
