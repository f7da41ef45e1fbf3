import { describe, expect, it } from "vitest";
import { execGit, makeRepo, writeFiles } from "../helpers/repo.js";

interface RepoLike {
  filesContaining(needle: string): Set<string> | undefined;
}
// The built module (GUARD_DIST=/path/to/build selects another build folder).
const { Repo } = (await import(process.env.GUARD_DIST ? `${process.env.GUARD_DIST}/src/repo/repo.js` : "../../dist/src/repo/repo.js")) as {
  Repo: new (options: { root: string; exclude: string[]; source?: string; revision?: string }) => RepoLike;
};

const sorted = (found: Set<string> | undefined) => (found ? [...found].sort() : found);

describe("files containing a text, from one git grep", () => {
  it("sees the work tree, the index or a commit, and only listed text files", () => {
    const dir = makeRepo({
      ".gitignore": "ignored/\n",
      "a.ts": "// guard-ignore arch/layer -- legacy\n",
      "b.ts": "no directive\n",
      "bin.dat": Buffer.from([0, 1, 2, ...Buffer.from("guard-ignore")]),
      "excluded/c.ts": "// guard-ignore x -- y\n",
    });
    writeFiles(dir, { "b.ts": "# guard-ignore now\n", "new.yaml": "# guard-ignore z -- untracked\n", "ignored/d.ts": "guard-ignore\n" });
    const worktree = new Repo({ root: dir, exclude: ["excluded/**"] });
    expect(sorted(worktree.filesContaining("guard-ignore"))).toEqual(["a.ts", "b.ts", "new.yaml"]);
    expect(sorted(new Repo({ root: dir, exclude: [], source: "index" }).filesContaining("guard-ignore"))).toEqual(["a.ts", "excluded/c.ts"]);
    execGit(dir, ["add", "b.ts"]);
    expect(sorted(new Repo({ root: dir, exclude: [], source: "index" }).filesContaining("guard-ignore"))).toEqual(["a.ts", "b.ts", "excluded/c.ts"]);
    expect(sorted(new Repo({ root: dir, exclude: [], source: "revision", revision: "HEAD" }).filesContaining("guard-ignore"))).toEqual([
      "a.ts",
      "excluded/c.ts",
    ]);
    expect(sorted(worktree.filesContaining("not anywhere"))).toEqual([]);
  });

  it("answers undefined outside git, so the caller reads the files itself", () => {
    const dir = makeRepo({ "a.ts": "// guard-ignore x -- y\n" }, { git: false });
    expect(new Repo({ root: dir, exclude: [] }).filesContaining("guard-ignore")).toBeUndefined();
  });
});
