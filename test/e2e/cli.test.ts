import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { GUARD_BIN, makeRepo, runGuard } from "../helpers/repo.js";
import { ONLY, overLimits, STACK_TRACE } from "./support.js";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const version = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).version as string;

describe("usage errors exit 2 with a message and no stack trace", () => {
  const dir = makeRepo(overLimits());
  it.each([
    [["check", "--bogus"], /unknown option '--bogus'/],
    [["check", "--format", "xml"], /argument 'xml' is invalid\. Allowed choices are text, json, sarif, github, agent/],
    [["check", "--max-warnings", "many"], /--max-warnings: "many" is not a count/],
    [["check", "--max-warnings", "-1"], /--max-warnings: "-1" is not a count/],
    [["check", "--only", "agents/max-line"], /--only: unknown rule "agents\/max-line"[\s\S]*did you mean "agents\/max-lines"\?/],
    [["check", "--since", "no-such-rev"], /cannot resolve revision "no-such-rev" \(--since\)/],
    [["check", "/"], /path is outside the repository: \//],
    [["check", "../"], /path is outside the repository: \.\.\//],
    [["check", "docs/typo.md"], /no such file or folder: docs\/typo\.md/],
    [["check", "--staged", "--since", "HEAD"], /--staged and --since cannot be combined/],
    [["explain", "agents/max-line"], /unknown rule "agents\/max-line"[\s\S]*did you mean "agents\/max-lines"\?/],
    [["explain"], /missing required argument 'rule-id'/],
    [["rules", "lst"], /unknown command 'lst'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("guard %j", (args, message) => {
    const run = runGuard(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("--only", () => {
  it("takes ids and families, comma-separated or repeated, and leaves the next word as a path", () => {
    const dir = makeRepo(overLimits());
    const rules = (args: string[]) => JSON.parse(runGuard(dir, ["check", "--format", "json", ...args]).stdout).diagnostics.map((d: { rule: string }) => d.rule);
    expect(rules(["--only", "agents/max-lines"])).toEqual(["agents/max-lines"]);
    expect(rules(["--only", "docs/max-lines", "--only", "agents/max-lines"])).toEqual(["agents/max-lines", "docs/max-lines"]);
    expect(rules(["--only", "agents/max-lines,docs/max-lines", "docs"])).toEqual(["docs/max-lines"]);
    const families = rules(["--only", "docs"]).concat(rules(["--only", "docs/*"]));
    expect(families.every((rule: string) => rule.startsWith("docs/"))).toBe(true);
    expect(families).toContain("docs/max-lines");
  });
});

describe("guard explain, rules list, --version, --help", () => {
  it("explain prints the rule's doc page", () => {
    const run = runGuard(makeRepo({}), ["explain", "agents/max-lines"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(packageRoot, "rules/agents/max-lines.md"), "utf8"));
    expect(run.stdout).toMatch(/^# agents\/max-lines/);
  });

  it("rules list shows every id with its severity in this repo, as text and JSON", () => {
    const dir = makeRepo({ "guard.yaml": "rules:\n  docs/max-lines: error\n  agents/max-lines: off\n" });
    const text = runGuard(dir, ["rules", "list"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^docs\/max-lines +built-in +error /m);
    expect(text.stdout).toMatch(/^agents\/max-lines +built-in +off /m);
    const json = runGuard(dir, ["rules", "list", "--format", "json"]);
    const rules = JSON.parse(json.stdout).rules as { id: string; severity: string; description: string }[];
    expect(rules.find((r) => r.id === "docs/max-lines")).toMatchObject({ severity: "error", description: expect.any(String) });
    expect(rules.find((r) => r.id === "agents/max-lines")?.severity).toBe("off");
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it("--version prints the package version; --help exits 0", () => {
    const dir = makeRepo({});
    expect(runGuard(dir, ["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = runGuard(dir, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: guard/);
    expect(help.stdout).toMatch(/check \[options\] \[paths\.\.\.\]/);
    const checkHelp = runGuard(dir, ["check", "--help"]);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toMatch(/--max-warnings/);
  });
});

describe("the library API", () => {
  it("check() returns the diagnostics the CLI prints as JSON", async () => {
    const dir = makeRepo(overLimits());
    const api = (await import(pathToFileURL(join(dirname(GUARD_BIN), "../src/index.js")).href)) as typeof import("../../src/index.js");
    const result = await api.check({ cwd: dir, only: ["agents/max-lines", "docs/max-lines"] });
    const cli = JSON.parse(runGuard(dir, ["check", "--format", "json", ...ONLY]).stdout);
    expect(result.diagnostics).toEqual(cli.diagnostics);
    expect(result.summary).toEqual(cli.summary);
  });
});
