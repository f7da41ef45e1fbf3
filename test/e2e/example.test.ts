import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJson, makeRepo, readTree, runGuard, type JsonReport } from "../helpers/repo.js";

/**
 * examples/agent-repo is what a new user runs first. Each planted mistake must be found, by
 * rule and place, and each good thing next to it must stay quiet, in every output format.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const exampleDir = join(repoRoot, "examples/agent-repo");

const tree = readTree(exampleDir);

/** The 1-based line of the first line of `file` containing `marker`: the test follows edits to the example. */
function lineOf(file: string, marker: string): number {
  const index = String(tree[file]).split("\n").findIndex((line) => line.includes(marker));
  if (index === -1) throw new Error(`examples/agent-repo/${file} no longer contains "${marker}"`);
  return index + 1;
}

interface Planted {
  rule: string;
  file: string;
  /** Undefined where the finding is about the whole file. */
  line?: number;
}

const planted: Planted[] = [
  { rule: "agents/max-lines", file: "AGENTS.md", line: 41 },
  { rule: "agents/unknown-command", file: "AGENTS.md", line: lineOf("AGENTS.md", "`npm run lint`") },
  { rule: "agents/missing-path", file: "AGENTS.md", line: lineOf("AGENTS.md", "`src/services/payment.ts`") },
  { rule: "agents/dead-link", file: "AGENTS.md", line: lineOf("AGENTS.md", "(docs/setup.md)") },
  { rule: "agents/claude-drift", file: "CLAUDE.md" },
  { rule: "docs/dead-link", file: "docs/architecture.md", line: lineOf("docs/architecture.md", "testing.md#fixtures") },
  { rule: "docs/orphan", file: "docs/old-design.md" },
  { rule: "no-console-in-services", file: "src/services/orders.ts", line: lineOf("src/services/orders.ts", "console.log(") },
];

/** Lines of good things that no rule may flag. */
const quiet: { file: string; line: number; what: string }[] = [
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "npm ci"), what: "npm's own command" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "npm run build"), what: "an existing script" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "`npm test`"), what: "an existing script" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "(src/)"), what: "a link to a folder" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "`src/services/orders.ts`"), what: "a path that exists" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "https://www.typescriptlang.org"), what: "an external URL" },
  { file: "AGENTS.md", line: lineOf("AGENTS.md", "(docs/architecture.md)"), what: "a link to an existing doc" },
  { file: "docs/testing.md", line: lineOf("docs/testing.md", "`npm test`"), what: "an existing script in a doc" },
];

const key = (d: { rule: string; file: string; line?: number }) => `${d.rule} ${d.file}${d.line === undefined ? "" : `:${d.line}`}`;

/** Every planted mistake found, nothing else; the line is compared where the mistake has one. */
function expectPlanted(report: JsonReport): void {
  const found = report.diagnostics.map((d) => {
    const wholeFile = planted.some((p) => p.rule === d.rule && p.file === d.file && p.line === undefined);
    return key({ rule: d.rule, file: d.file, line: wholeFile ? undefined : d.line });
  });
  expect(found.sort()).toEqual(planted.map(key).sort());
}

function checkFormat(cwd: string, format: string, extra: string[] = []) {
  const run = runGuard(cwd, ["check", "--format", format, ...extra]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  return run.stdout;
}

describe("examples/agent-repo as its own repository", () => {
  let dir: string;
  let report: JsonReport & { code: number };
  beforeAll(() => {
    dir = makeRepo(tree);
    report = checkJson(dir);
  });

  it("finds every planted mistake, by rule, file and line, and nothing else (json)", () => {
    expect(report.code).toBe(1);
    expectPlanted(report);
    expect(report.summary.errors + report.summary.warnings).toBe(planted.length);
  });

  it("stays quiet on the good things beside the mistakes", () => {
    const flagged = quiet.filter((good) => report.diagnostics.some((d) => d.file === good.file && d.line === good.line));
    expect(flagged.map((good) => `${good.file}:${good.line} (${good.what})`)).toEqual([]);
  });

  it("text: one line per finding, path:line:col, severity, rule, then the fix", () => {
    const out = checkFormat(dir, "text");
    for (const d of report.diagnostics) {
      expect(out).toContain(`${d.file}:${d.line}:${d.column}  ${d.severity === "error" ? "error" : "warn "}  ${d.message}  ${d.rule}`);
      expect(out).toContain(`fix: ${d.fix}`);
    }
    expect(out).toMatch(new RegExp(`${report.summary.errors} errors?, ${report.summary.warnings} warnings? in \\d+ files? checked`));
  });

  it("sarif: one result per finding, at the same place", () => {
    const sarif = JSON.parse(checkFormat(dir, "sarif"));
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => {
      const place = r.locations[0]!.physicalLocation;
      return `${r.ruleId} ${place.artifactLocation.uri}:${place.region.startLine}`;
    });
    expect(results).toEqual(report.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`));
    const ruleIds = sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    for (const { rule } of planted) expect(ruleIds).toContain(rule);
  });

  it("sarif: Microsoft's sarif-multitool validates it without errors", () => {
    const scratch = mkdtempSync(join(tmpdir(), "guard-sarif-"));
    let validation: { runs: { results: { level?: string; ruleId: string; message: { text?: string } }[] }[] };
    try {
      const input = join(scratch, "guard.sarif");
      const output = join(scratch, "validation.sarif");
      writeFileSync(input, checkFormat(dir, "sarif"));
      const run = spawnSync(join(repoRoot, "node_modules/.bin/sarif-multitool"), ["validate", input, "-o", output], { encoding: "utf8" });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      validation = JSON.parse(readFileSync(output, "utf8"));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const errors = validation.runs[0]!.results.filter((r) => r.level === "error");
    expect(errors.map((r) => `${r.ruleId}: ${r.message.text}`)).toEqual([]);
  });

  it("github: one workflow command per finding", () => {
    const lines = checkFormat(dir, "github").trimEnd().split("\n");
    expect(lines).toHaveLength(report.diagnostics.length);
    report.diagnostics.forEach((d, i) => {
      expect(lines[i]).toMatch(new RegExp(`^::(error|warning) file=${d.file},line=${d.line},col=${d.column},.*title=${d.rule}::`));
    });
  });

  it("agent: path:line rule, what is wrong, a fix, and what to do next", () => {
    const out = checkFormat(dir, "agent");
    for (const d of report.diagnostics) {
      expect(out).toContain(`${d.file}:${d.line} ${d.rule}`);
      expect(out).toContain(`fix: ${d.fix}`);
    }
    expect(out).toContain("run `guard check --format agent` again");
    expect(out).toContain("Never edit guard.yaml");
  });
});

describe("examples/agent-repo/README.md", () => {
  it("lists every planted mistake, so a new user knows what to look for", () => {
    const readme = String(tree["README.md"]);
    const rows = planted.filter(({ rule, file }) => !readme.includes(`| ${rule} | ${file} |`));
    expect(rows.map((p) => `add a row "| ${p.rule} | ${p.file} | … |" to examples/agent-repo/README.md`)).toEqual([]);
  });

  it("states the map's real length", () => {
    const lines = String(tree["AGENTS.md"]).replace(/\n$/, "").split("\n").length;
    expect(String(tree["README.md"])).toContain(`| agents/max-lines | AGENTS.md | ${lines} lines;`);
  });
});

describe("examples/agent-repo inside a larger repository, as it is shipped", () => {
  // The example lives in a subfolder of the harness-guard checkout, whose own guard.yaml excludes it.
  const outer: FileTree = { "guard.yaml": 'exclude: ["examples/**"]\n', "AGENTS.md": "# Outer\n\nSee [the example](examples/agent-repo/README.md).\n" };
  for (const [path, content] of Object.entries(tree)) outer[`examples/agent-repo/${path}`] = content;

  it("run from the example folder: its own guard.yaml, paths relative to it, the same findings", () => {
    const dir = makeRepo(outer);
    const report = checkJson(join(dir, "examples/agent-repo"));
    expectPlanted(report);
  });

  it("run from the top with --config: the same findings", () => {
    const dir = makeRepo(outer);
    const report = checkJson(dir, ["--config", "examples/agent-repo/guard.yaml"]);
    expectPlanted(report);
  });

  it("run from the top without --config: excluded files are not checked, yet still exist as link targets", () => {
    const dir = makeRepo(outer);
    const report = checkJson(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.code).toBe(0);
  });
});
