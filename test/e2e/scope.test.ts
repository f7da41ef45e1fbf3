import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAll, execGit, makeRepo } from "../helpers/repo.js";
import { LIMITS, lines, ONLY, overLimits } from "./support.js";

const files = (dir: string, args: string[]) => checkJson(dir, [...ONLY, ...args]).diagnostics.map((d) => `${d.file}:${d.line}`);

describe("[paths…]", () => {
  it("restricts findings to the given files and folders, relative to the working directory", () => {
    const dir = makeRepo(overLimits({ "docs/deep/other.md": lines(5), "pkg/AGENTS.md": lines(4), doc: "a file whose name is a prefix of docs\n" }));
    expect(files(dir, [])).toEqual(["AGENTS.md:4", "docs/deep/other.md:4", "docs/long.md:4", "pkg/AGENTS.md:4"]);
    expect(files(dir, ["docs/long.md"])).toEqual(["docs/long.md:4"]);
    expect(files(dir, ["docs", "pkg/"])).toEqual(["docs/deep/other.md:4", "docs/long.md:4", "pkg/AGENTS.md:4"]);
    expect(files(join(dir, "docs"), ["deep"])).toEqual(["docs/deep/other.md:4"]);
    expect(files(join(dir, "docs"), ["."])).toEqual(["docs/deep/other.md:4", "docs/long.md:4"]);
    expect(files(join(dir, "docs"), [".."])).toHaveLength(4);
    expect(files(dir, ["doc"])).toEqual([]); // a prefix of a name is not a folder
  });
});

describe("--staged", () => {
  it("checks the staged version of a partially staged file: staged too long, shrunk in the work tree → finding", () => {
    const dir = makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": lines(2) });
    writeFileSync(join(dir, "AGENTS.md"), lines(6));
    execGit(dir, ["add", "AGENTS.md"]);
    writeFileSync(join(dir, "AGENTS.md"), lines(1));
    expect(files(dir, ["--staged"])).toEqual(["AGENTS.md:4"]);
    expect(files(dir, [])).toEqual([]);
  });

  it("and the reverse: staged short, grown in the work tree → no finding", () => {
    const dir = makeRepo({ "guard.yaml": LIMITS, "AGENTS.md": lines(5) });
    writeFileSync(join(dir, "AGENTS.md"), lines(2));
    execGit(dir, ["add", "AGENTS.md"]);
    writeFileSync(join(dir, "AGENTS.md"), lines(9));
    expect(files(dir, ["--staged"])).toEqual([]);
    expect(files(dir, [])).toEqual(["AGENTS.md:4"]);
  });

  it("reports only staged files: not committed debt, not unstaged or untracked changes", () => {
    const dir = makeRepo(overLimits());
    writeFileSync(join(dir, "docs/new.md"), lines(7));
    writeFileSync(join(dir, "docs/untracked.md"), lines(7));
    writeFileSync(join(dir, "docs/short.md"), lines(8)); // changed, not staged
    execGit(dir, ["add", "docs/new.md"]);
    expect(files(dir, ["--staged"])).toEqual(["docs/new.md:4"]);
    expect(files(dir, ["--staged", "AGENTS.md"])).toEqual([]);
  });

  it("works before the first commit: everything staged is new", () => {
    const dir = makeRepo(overLimits(), { commit: false });
    execGit(dir, ["add", "AGENTS.md", "guard.yaml"]);
    expect(files(dir, ["--staged"])).toEqual(["AGENTS.md:4"]);
  });
});

describe("--since <rev>", () => {
  it("reports files changed since the revision: committed, staged, unstaged and untracked", () => {
    const dir = makeRepo(overLimits({ "docs/committed.md": lines(1), "docs/staged.md": lines(1), "docs/unstaged.md": lines(1), "docs/deleted.md": lines(9) }));
    const base = execGit(dir, ["rev-parse", "HEAD"]).trim();
    writeFileSync(join(dir, "docs/committed.md"), lines(5));
    commitAll(dir, "grow a doc");
    writeFileSync(join(dir, "docs/staged.md"), lines(5));
    execGit(dir, ["add", "docs/staged.md"]);
    writeFileSync(join(dir, "docs/unstaged.md"), lines(5));
    writeFileSync(join(dir, "docs/untracked.md"), lines(5));
    rmSync(join(dir, "docs/deleted.md"));
    expect(files(dir, ["--since", base])).toEqual(["docs/committed.md:4", "docs/staged.md:4", "docs/unstaged.md:4", "docs/untracked.md:4"]);
    expect(files(dir, ["--since", "HEAD"])).toEqual(["docs/staged.md:4", "docs/unstaged.md:4", "docs/untracked.md:4"]);
    expect(files(dir, ["--since", "HEAD", "docs/staged.md"])).toEqual(["docs/staged.md:4"]);
  });
});
