import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GUARD_BIN, makeRepo, runGuard } from "../helpers/repo.js";
import { LIMITS, lines, ONLY, overLimits } from "./support.js";

const ANSI = /\u001b\[/;

describe("--format text", () => {
  it("groups by file: `path:line:col  severity  message  rule`, the fix indented, then a summary", () => {
    const dir = makeRepo(overLimits());
    const run = runGuard(dir, ["check", ...ONLY]);
    expect(run.code).toBe(1);
    const out = run.stdout.split("\n");
    expect(out.slice(0, 8)).toEqual([
      "AGENTS.md",
      "  AGENTS.md:4:1  error  AGENTS.md has 5 lines; a map may have at most 3  agents/max-lines",
      "      fix: Keep AGENTS.md a map: move detail into docs/ topic files and link them from it, until it is at most 3 lines.",
      "",
      "docs/long.md",
      "  docs/long.md:4:1  warn   docs/long.md has 6 lines; a doc may have at most 3  docs/max-lines",
      "      fix: Split docs/long.md into topic files of at most 3 lines each and link the parts from it.",
      "",
    ]);
    expect(out.at(-2)).toMatch(/^1 error, 1 warning in \d+ files checked in \d+ ms$/);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it("says so when clean, exit 0", () => {
    const dir = makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": lines(3) });
    const run = runGuard(dir, ["check", ...ONLY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, 0 warnings in 1 file checked in \d+ ms\n$/);
  });

  it("has no colour when stdout is not a terminal, nor with NO_COLOR on a terminal; colour on a terminal otherwise", () => {
    const dir = makeRepo(overLimits());
    const { NO_COLOR: _ignored, ...env } = process.env;
    const piped = spawnSync(process.execPath, [GUARD_BIN, "check", ...ONLY], { cwd: dir, encoding: "utf8", env });
    expect(piped.stdout).toContain("AGENTS.md:4:1  error");
    expect(piped.stdout).not.toMatch(ANSI);
    if (!existsSync("/usr/bin/script")) return; // util-linux `script` gives the run a real terminal
    const inTerminal = (extra: Record<string, string>) =>
      spawnSync("/usr/bin/script", ["-qec", `"${process.execPath}" "${GUARD_BIN}" check ${ONLY.join(" ")}`, "/dev/null"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...env, TERM: "xterm", ...extra },
      }).stdout;
    expect(inTerminal({})).toMatch(ANSI);
    const noColor = inTerminal({ NO_COLOR: "1" });
    expect(noColor).toContain("AGENTS.md:4:1  error");
    expect(noColor).not.toMatch(ANSI);
  });
});

describe("--format github", () => {
  it("prints one workflow command per finding: ::error / ::warning with file, line, col, title and the fix", () => {
    const dir = makeRepo(overLimits());
    const run = runGuard(dir, ["check", "--format", "github", ...ONLY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "::error file=AGENTS.md,line=4,col=1,title=agents/max-lines::AGENTS.md has 5 lines; a map may have at most 3 — fix: Keep AGENTS.md a map: move detail into docs/ topic files and link them from it, until it is at most 3 lines.\n" +
        "::warning file=docs/long.md,line=4,col=1,title=docs/max-lines::docs/long.md has 6 lines; a doc may have at most 3 — fix: Split docs/long.md into topic files of at most 3 lines each and link the parts from it.\n",
    );
  });

  it("escapes commas and colons in properties and prints nothing when clean", () => {
    const dir = makeRepo({ "guard.yaml": LIMITS, "docs/a,b:c.md": lines(4), "AGENTS.md": "# Map\n" });
    const run = runGuard(dir, ["check", "--format", "github", ...ONLY]);
    expect(run.stdout).toMatch(/^::warning file=docs\/a%2Cb%3Ac\.md,line=4,col=1,title=docs\/max-lines::docs\/a,b:c\.md has 4 lines/);
    const clean = runGuard(makeRepo({ "AGENTS.md": "# Map\n" }), ["check", "--format", "github", ...ONLY]);
    expect(clean).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("--format agent", () => {
  it("gives a one-line summary, `path:line rule` / message / fix per finding, and the closing directions", () => {
    const dir = makeRepo(overLimits());
    const run = runGuard(dir, ["check", "--format", "agent", ...ONLY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "guard: 1 error, 1 warning to fix.",
        "",
        "AGENTS.md:4 agents/max-lines",
        "  AGENTS.md has 5 lines; a map may have at most 3",
        "  fix: Keep AGENTS.md a map: move detail into docs/ topic files and link them from it, until it is at most 3 lines.",
        "docs/long.md:4 docs/max-lines (warning)",
        "  docs/long.md has 6 lines; a doc may have at most 3",
        "  fix: Split docs/long.md into topic files of at most 3 lines each and link the parts from it.",
        "",
        "Fix these, then run `guard check --only agents/max-lines,docs/max-lines --format agent` again.",
        "Never edit guard.yaml or .guard/ to silence a rule: change the code or docs instead.",
        "",
      ].join("\n"),
    );
  });

  it("repeats the scope of the run in the command to run again", () => {
    const dir = makeRepo(overLimits());
    const run = runGuard(dir, ["check", "--format", "agent", "--only", "agents/max-lines", "--max-warnings", "0", "AGENTS.md", "docs/"]);
    expect(run.stdout).toContain("run `guard check --only agents/max-lines --max-warnings 0 --format agent AGENTS.md docs/` again.");
  });

  it("says there is nothing to fix when clean", () => {
    const run = runGuard(makeRepo({ "AGENTS.md": "# Map\n" }), ["check", "--format", "agent", ...ONLY]);
    expect(run).toMatchObject({ code: 0, stdout: "guard: clean (1 file checked). Nothing to fix.\n" });
  });
});

describe("exit codes", () => {
  const warningsOnly = () => makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": lines(2), "docs/a.md": lines(5), "docs/b.md": lines(5) });

  it("0 with warnings only, 1 with an error", () => {
    expect(runGuard(warningsOnly(), ["check", ...ONLY]).code).toBe(0);
    expect(runGuard(makeRepo(overLimits()), ["check", ...ONLY]).code).toBe(1);
  });

  it("--max-warnings N: 1 when warnings exceed N, 0 at or under it", () => {
    const dir = warningsOnly();
    const over = runGuard(dir, ["check", ...ONLY, "--max-warnings", "1"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("guard: 2 warnings, more than --max-warnings 1\n");
    expect(runGuard(dir, ["check", ...ONLY, "--max-warnings", "2"]).code).toBe(0);
    expect(runGuard(dir, ["check", ...ONLY, "--max-warnings=0", "--format", "json"]).code).toBe(1);
  });
});
