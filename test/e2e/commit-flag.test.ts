import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAll, execGit, makeRepo, runGuard } from "../helpers/repo.js";
import { LIMITS, lines, ONLY, overLimits, STACK_TRACE } from "./support.js";

const files = (dir: string, args: string[]) => checkJson(dir, [...ONLY, ...args]).diagnostics.map((d) => `${d.file}:${d.line}`);

describe("--commit <rev>", () => {
  it("reports on the files the commit changed, against its parent; the content checked is the work tree", () => {
    const dir = makeRepo(overLimits({ "docs/other.md": lines(1) }));
    writeFileSync(join(dir, "docs/other.md"), lines(7));
    commitAll(dir, "Grow other.md");
    const sha = execGit(dir, ["rev-parse", "HEAD"]).trim();
    expect(files(dir, ["--commit", "HEAD"])).toEqual(["docs/other.md:4"]);
    expect(files(dir, ["--commit", sha.slice(0, 8)])).toEqual(["docs/other.md:4"]);
    // An older commit: only what it touched, as the work tree has it now.
    writeFileSync(join(dir, "docs/short.md"), lines(9));
    commitAll(dir, "Grow short.md");
    expect(files(dir, ["--commit", "HEAD~1"])).toEqual(["docs/other.md:4"]);
    writeFileSync(join(dir, "docs/other.md"), lines(2)); // fixed in the work tree, not committed
    expect(files(dir, ["--commit", "HEAD~1"])).toEqual([]);
    expect(files(dir, ["--commit", "main"])).toEqual(["docs/short.md:4"]);
  });

  it("a root commit reports on everything it added", () => {
    const dir = makeRepo(overLimits());
    expect(files(dir, ["--commit", "HEAD"])).toEqual(["AGENTS.md:4", "docs/long.md:4"]);
  });

  it("a merge commit reports on what it brought in against its first parent", () => {
    const dir = makeRepo(overLimits({ "docs/a.md": lines(1), "docs/b.md": lines(1) }));
    execGit(dir, ["checkout", "-q", "-b", "topic"]);
    writeFileSync(join(dir, "docs/a.md"), lines(5));
    commitAll(dir, "topic grows a.md");
    execGit(dir, ["checkout", "-q", "main"]);
    writeFileSync(join(dir, "docs/b.md"), lines(5));
    commitAll(dir, "main grows b.md");
    execGit(dir, ["merge", "-q", "--no-ff", "-m", "Merge topic", "topic"]);
    expect(files(dir, ["--commit", "HEAD"])).toEqual(["docs/a.md:4"]);
  });

  it("works from a config in a subfolder, with paths relative to it", () => {
    const dir = makeRepo({ "README.md": "# Top\n", "app/guard.yaml": LIMITS, "app/docs/long.md": lines(1), "app/docs/x.md": lines(6) });
    writeFileSync(join(dir, "app/docs/long.md"), lines(6));
    commitAll(dir, "Grow long.md");
    expect(files(join(dir, "app"), ["--commit", "HEAD"])).toEqual(["docs/long.md:4"]);
  });

  it("a revision that does not exist, or a flag-like one, is a usage error (exit 2)", () => {
    const dir = makeRepo(overLimits());
    for (const [args, message] of [
      [["--commit", "no-such-rev"], /cannot resolve revision "no-such-rev" \(--commit\)/],
      [["--commit", "HEAD~5"], /cannot resolve revision "HEAD~5" \(--commit\)/],
      [["--commit=--all"], /cannot resolve revision "--all" \(--commit\)/],
      [["--since", "no-such-rev"], /cannot resolve revision "no-such-rev" \(--since\)/],
      [["--commit", "HEAD", "--since", "HEAD"], /--since and --commit cannot be combined/],
    ] as const) {
      const run = runGuard(dir, ["check", ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe("--since <rev> with commits in between", () => {
  it("reports the files of every commit since the revision and of the work tree", () => {
    const dir = makeRepo(overLimits({ "docs/a.md": lines(1), "docs/b.md": lines(1) }));
    writeFileSync(join(dir, "docs/a.md"), lines(5));
    commitAll(dir, "grow a");
    writeFileSync(join(dir, "docs/b.md"), lines(5));
    expect(files(dir, ["--since", "HEAD~1"])).toEqual(["docs/a.md:4", "docs/b.md:4"]);
  });
});
