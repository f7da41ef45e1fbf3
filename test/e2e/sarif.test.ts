import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { ONLY, overLimits } from "./support.js";

/** Microsoft's validator, a self-contained .NET binary (the npm wrapper goes through a shell, so we call it directly). */
const MULTITOOL = createRequire(import.meta.url)("@microsoft/sarif-multitool") as string;
const scratch = mkdtempSync(join(tmpdir(), "guard-sarif-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ValidatorResult {
  ruleId: string;
  /** SARIF's default level is "warning": the validator leaves it out for its warnings. */
  level?: string;
  message: { arguments?: string[] };
}

/** Runs `sarif-multitool validate` on a log and returns every result it reports (errors, warnings, notes). */
function validate(name: string, sarif: string): ValidatorResult[] {
  const input = join(scratch, `${name}.sarif`);
  const output = join(scratch, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const run = spawnSync(MULTITOOL, ["validate", input, "--level", "Error;Warning;Note", "--output", output, "--log", "ForceOverwrite"], {
    encoding: "utf8",
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  if (run.status !== 0) throw new Error(`sarif-multitool failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  const log = JSON.parse(readFileSync(output, "utf8")) as { runs: { results?: ValidatorResult[] }[] };
  const results = log.runs[0]?.results ?? [];
  // A log it cannot even load yields no results at all; a loaded one always gets style notes.
  if (results.length === 0) throw new Error(`sarif-multitool did not analyse ${input}: no results, not even notes`);
  return results;
}

/** Errors and warnings only; notes are style advice (e.g. "could not reach the URL", "add a snippet"). */
function problems(results: ValidatorResult[]): string[] {
  return results.filter((r) => r.level !== "note" && r.level !== "none").map((r) => `${r.level} ${r.ruleId} ${JSON.stringify(r.message.arguments)}`);
}

const PARAGRAPH =
  "The service layer owns every order transition: it validates the command, writes the event, and publishes it, so that the UI never changes an order on its own and retries stay safe.";

describe("--format sarif", () => {
  it("the validator used as the oracle does report a broken log", () => {
    const dir = makeRepo(overLimits());
    const sarif = JSON.parse(runGuard(dir, ["check", "--format", "sarif", ...ONLY]).stdout);
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(problems(validate("broken", JSON.stringify(sarif)))).toContainEqual(expect.stringMatching(/^error JSON1008 /));
  });

  it("passes sarif-multitool validate with no errors or warnings, including related locations", () => {
    const dir = makeRepo(
      overLimits({
        "AGENTS.md": "# Map\n\n- [one](docs/one.md)\n- [two](docs/two.md)\n- [long](docs/long.md)\n",
        "docs/one.md": `# One\n\n${PARAGRAPH}\n`,
        "docs/two.md": `# Two\n\nIntro.\n\n${PARAGRAPH}\n`,
        "docs/with space & ü.md": "1\n2\n3\n4\n5\n",
      }),
    );
    const run = runGuard(dir, ["check", "--format", "sarif", "--only", "agents/max-lines,docs/max-lines,docs/duplicate"]);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const results = sarif.runs[0].results as { ruleId: string; relatedLocations?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.ruleId}`)).toEqual([
      "AGENTS.md agents/max-lines",
      "docs/long.md docs/max-lines",
      "docs/two.md docs/max-lines",
      "docs/two.md docs/duplicate",
      "docs/with%20space%20&%20%C3%BC.md docs/max-lines",
    ]);
    expect(results[3]!.relatedLocations).toEqual([
      { id: 0, physicalLocation: { artifactLocation: { uri: "docs/one.md", uriBaseId: "SRCROOT" }, region: { startLine: 3, startColumn: 1 } }, message: { text: "first copy." } },
    ]);
    expect(problems(validate("related", run.stdout))).toEqual([]);
  });

  it("is valid with no findings at all, and lists the rules that ran", () => {
    const dir = makeRepo({ "guard.yaml": "", "AGENTS.md": "# Map\n" });
    const run = runGuard(dir, ["check", "--format", "sarif", ...ONLY]);
    expect(run.code).toBe(0);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["agents/max-lines", "docs/max-lines"]);
    expect(problems(validate("clean", run.stdout))).toEqual([]);
  });

  it("carries rules with help (fix + docs), levels and partialFingerprints equal to the JSON fingerprints", () => {
    const dir = makeRepo(overLimits());
    const sarif = JSON.parse(runGuard(dir, ["check", "--format", "sarif", ...ONLY]).stdout);
    const json = JSON.parse(runGuard(dir, ["check", "--format", "json", ...ONLY]).stdout);
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "agents/max-lines");
    expect(rule.help.text).toContain("Keep <file> a map");
    expect(rule.help.text).toContain("rules/agents/max-lines.md");
    expect(rule.defaultConfiguration.level).toBe("error");
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(["error", "warning"]);
    expect(run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["guardFingerprint/v1"])).toEqual(
      json.diagnostics.map((d: { fingerprint: string }) => d.fingerprint),
    );
    expect(run.results[0].message.text).toBe(
      "AGENTS.md has 5 lines; a map may have at most 3. Fix: Keep AGENTS.md a map: move detail into docs/ topic files and link them from it, until it is at most 3 lines.",
    );
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 1 });
    expect(problems(validate("fingerprints", JSON.stringify(sarif)))).toEqual([]);
  });
});
