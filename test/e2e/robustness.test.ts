import { chmodSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAll, makeRepo, runGuard } from "../helpers/repo.js";
import { LIMITS, lines, ONLY, STACK_TRACE } from "./support.js";

/** Every kind of odd file at once: the run must end in a finding or a skip, never a crash. */
function oddRepo(): string {
  const dir = makeRepo(
    {
      "guard.yaml": LIMITS,
      "AGENTS.md": "# Map\r\nline 2\r\nline 3\r\nline 4\r\nline 5\r\n",
      "docs/bom.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines(4))]),
      "docs/binary.md": Buffer.from("# Title\n\0\u0001\u0002 binary\nline 3\nline 4\nline 5\n", "latin1"),
      "docs/invalid-utf8.md": Buffer.concat([Buffer.from("# Caf"), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from("\nline 2\nline 3\nline 4\nline 5\n")]),
      "docs/x.md/inside.txt": "a folder named like a Markdown file\n",
      "docs/loop-a.md": { symlink: "loop-b.md" },
      "docs/loop-b.md": { symlink: "loop-a.md" },
      "docs/self.md": { symlink: "self.md" },
      "docs/dangling.md": { symlink: "nothing-here.md" },
      "docs/outside-dir": { symlink: "/etc" },
      "docs/outside-file.md": { symlink: "/etc/hostname" },
      "docs/inside-link.md": { symlink: "bom.md" },
      "docs/unreadable.md": lines(5),
    },
    { commit: false },
  );
  writeFileSync(join(dir, "docs/huge.md"), "word ".repeat(1024 * 1024)); // 5 MiB on one line
  commitAll(dir, "odd files");
  chmodSync(join(dir, "docs/unreadable.md"), 0o000);
  return dir;
}

describe("robustness: odd bytes and odd files give a finding or a skip, never a crash", () => {
  const dir = oddRepo();

  it("reports the right lines for CRLF, BOM and invalid UTF-8 files and skips what it cannot read", () => {
    const started = performance.now();
    const report = checkJson(dir, ONLY);
    const elapsed = performance.now() - started;
    expect(report.stderr).not.toMatch(STACK_TRACE);
    expect(report.code).toBe(1);
    const findings = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    // Running as root, chmod 000 does not stop reads: then that file is checked like any other.
    const unreadable = process.getuid?.() === 0 ? ["docs/unreadable.md:4:1 docs/unreadable.md has 5 lines; a doc may have at most 3"] : [];
    expect(findings).toEqual([
      "AGENTS.md:4:1 AGENTS.md has 5 lines; a map may have at most 3",
      "docs/bom.md:4:1 docs/bom.md has 4 lines; a doc may have at most 3",
      "docs/inside-link.md:4:1 docs/inside-link.md has 4 lines; a doc may have at most 3",
      "docs/invalid-utf8.md:4:1 docs/invalid-utf8.md has 5 lines; a doc may have at most 3",
      ...unreadable,
    ]);
    expect(elapsed).toBeLessThan(20_000);
  });

  it("lists each skip with its reason in the text summary", () => {
    const run = runGuard(dir, ["check", ...ONLY]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const skipped = run.stdout.split("\n").filter((line) => line.startsWith("skipped "));
    expect(skipped).toEqual(
      expect.arrayContaining([
        "skipped docs/binary.md: binary content",
        "skipped docs/dangling.md: symlink to nothing (ENOENT)",
        "skipped docs/huge.md: Markdown over 1 MiB, too large to parse",
        "skipped docs/loop-a.md: symlink loop (ELOOP)",
        "skipped docs/loop-b.md: symlink loop (ELOOP)",
        "skipped docs/outside-file.md: symlink to outside the repository",
        "skipped docs/self.md: symlink loop (ELOOP)",
      ]),
    );
    expect(skipped.filter((line) => line.startsWith("skipped docs/unreadable.md"))).toEqual(
      process.getuid?.() === 0 ? [] : ["skipped docs/unreadable.md: permission denied (EACCES)"],
    );
  });

  it("does the same from the git index (--staged), and with every rule on", () => {
    for (const args of [[...ONLY, "--staged"], []]) {
      const run = runGuard(dir, ["check", "--format", "json", ...args]);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect([0, 1]).toContain(run.code);
      expect(JSON.parse(run.stdout).version).toBe(1);
    }
  });

  it("skips a 5 MiB one-line Markdown file quickly", () => {
    const huge = makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": "# Map\n", "docs/huge.md": "word ".repeat(1024 * 1024) });
    const started = performance.now();
    const run = runGuard(huge, ["check", ...ONLY]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("skipped docs/huge.md: Markdown over 1 MiB, too large to parse");
  });
});

describe("outside git", () => {
  it("honours .gitignore files and never follows symlinked folders", () => {
    const dir = makeRepo(
      {
        "guard.yaml": LIMITS,
        ".gitignore": "build/\n*.generated.md\n",
        "AGENTS.md": "# Map\n",
        "docs/kept.md": lines(5),
        "docs/api.generated.md": lines(5),
        "build/docs/out.md": lines(5),
        "docs/sub/.gitignore": "private.md\n",
        "docs/sub/private.md": lines(5),
        "docs/sub/public.md": lines(5),
      },
      { git: false },
    );
    symlinkSync("..", join(dir, "docs/parent-loop"));
    const report = checkJson(dir, ONLY);
    expect(report.stderr).not.toMatch(STACK_TRACE);
    expect(report.diagnostics.map((d) => d.file)).toEqual(["docs/kept.md", "docs/sub/public.md"]);
  });
});
