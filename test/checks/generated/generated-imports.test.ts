import { describe, expect, it } from "vitest";
import { makeRepo, writeFiles } from "../../helpers/repo.js";

// The built modules (GUARD_DIST=/path/to/build selects another build folder).
const dist = process.env.GUARD_DIST ?? "../../../dist";
const { Repo } = (await import(`${dist}/src/repo/repo.js`)) as { Repo: new (options: { root: string; exclude: string[] }) => unknown };
const { Workspace } = (await import(`${dist}/src/checks/workspace.js`)) as {
  Workspace: new (repo: unknown, config: unknown, options?: { cache?: boolean }) => WorkspaceLike;
};
const { defaultConfig } = (await import(`${dist}/src/config/defaults.js`)) as { defaultConfig(root: string): unknown };
const { generatedImports } = (await import(`${dist}/src/checks/generated/imports.js`)) as {
  generatedImports(workspace: WorkspaceLike, edges: Iterable<unknown>): { from: string; specifier: string; path: string; reason: string }[];
};

interface WorkspaceLike {
  codeFiles(): readonly string[];
  importEdges(files: readonly string[]): Promise<Map<string, readonly unknown[]>>;
}

describe("generatedImports (what guard init lists as generated files)", () => {
  it("lists imports of gitignored, generated-named and ignored-on-disk files, and not those of listed or invented modules or bundler queries", async () => {
    const dir = makeRepo({
      ".gitignore": "src/admin/importMap.js\nsrc/built/\n",
      "src/util.ts": "export const util = 1;\n",
      "src/styles.css": "body {}\n",
      "src/main.ts": [
        'import styles from "./styles.css?url";',
        'import { importMap } from "./admin/importMap.js";',
        'import { routeTree } from "./routeTree.gen";',
        'import { built } from "./built/out.js";',
        'import { util } from "./util.js";',
        'import { nope } from "./nope.js";',
        "export default [styles, importMap, routeTree, built, util, nope];",
        "",
      ].join("\n"),
    });
    writeFiles(dir, { "src/built/out.js": "export const built = 1;\n" });
    const workspace = new Workspace(new Repo({ root: dir, exclude: [] }), defaultConfig(dir), { cache: false });
    const edges = await workspace.importEdges(workspace.codeFiles());
    expect(generatedImports(workspace, [...edges.values()].flat())).toEqual([
      { from: "src/main.ts", specifier: "./admin/importMap.js", path: "src/admin/importMap.js", reason: "gitignored" },
      { from: "src/main.ts", specifier: "./routeTree.gen", path: "src/routeTree.gen", reason: "generated name" },
      { from: "src/main.ts", specifier: "./built/out.js", path: "src/built/out.js", reason: "ignored file on disk" },
    ]);
  });
});
