import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, execGit, makeRepo, writeFiles } from "../helpers/repo.js";

interface RepoLike {
  files: readonly string[];
  readText(path: string): string | undefined;
  isSymlink(path: string): boolean;
}
// The built module (GUARD_DIST=/path/to/build selects another build folder).
const { Repo } = (await import(process.env.GUARD_DIST ? `${process.env.GUARD_DIST}/src/repo/repo.js` : "../../dist/src/repo/repo.js")) as {
  Repo: new (options: { root: string; exclude: string[]; source?: string; revision?: string }) => RepoLike;
};

describe("a repo read at a revision", () => {
  it("lists and reads a commit's tree from git objects, whatever the work tree and index hold", () => {
    const dir = makeRepo({ "src/a.ts": "export const a = 1;\n", "docs/x.md": "# x\n", "link.ts": { symlink: "src/a.ts" } });
    const first = execGit(dir, ["rev-parse", "HEAD"]).trim();
    writeFiles(dir, { "src/a.ts": "export const a = 2;\n", "src/b.ts": "new\n" });
    commitAll(dir, "second");
    writeFiles(dir, { "src/a.ts": "dirty work tree\n" });
    execGit(dir, ["add", "src/a.ts"]);
    writeFiles(dir, { "src/a.ts": "dirtier\n" });

    const atFirst = new Repo({ root: dir, exclude: [], source: "revision", revision: first });
    expect(atFirst.files).toEqual(["docs/x.md", "link.ts", "src/a.ts"]);
    expect(atFirst.readText("src/a.ts")).toBe("export const a = 1;\n");
    expect(atFirst.isSymlink("link.ts")).toBe(true);
    const atHead = new Repo({ root: dir, exclude: ["docs/**"], source: "revision", revision: "HEAD" });
    expect(atHead.files).toEqual(["link.ts", "src/a.ts", "src/b.ts"]);
    expect(atHead.readText("src/a.ts")).toBe("export const a = 2;\n");
  });

  it("reads below a subfolder root with paths relative to it", () => {
    const dir = makeRepo({ "pkg/src/a.ts": "a\n", "top.ts": "t\n" });
    const repo = new Repo({ root: join(dir, "pkg"), exclude: [], source: "revision", revision: "HEAD" });
    expect(repo.files).toEqual(["src/a.ts"]);
    expect(repo.readText("src/a.ts")).toBe("a\n");
  });

  it("names an unknown revision instead of crashing", () => {
    const dir = makeRepo({ "a.ts": "" });
    expect(() => new Repo({ root: dir, exclude: [], source: "revision", revision: "no-such-rev" })).toThrow(/cannot read the tree of "no-such-rev"/);
  });
});
