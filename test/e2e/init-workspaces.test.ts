import { describe, expect, it } from "vitest";
import { makeRepo, type FileTree } from "../helpers/repo.js";
import { findings, init, layersOf, prose, readText, writtenConfig } from "./init-support.js";

function pkg(dir: string, name: string, imports: string[], extra: FileTree = {}): FileTree {
  const lines = imports.map((target, i) => `import { v as v${i} } from "${target}";`);
  return {
    [`${dir}/package.json`]: JSON.stringify({ name, exports: "./src/index.ts" }),
    [`${dir}/src/index.ts`]: `${lines.join("\n")}\nexport const v = ${imports.map((_, i) => `v${i}`).join(" + ") || "1"};\n`,
    ...extra,
  };
}

/** npm workspaces in two folders: libraries under packages/, apps under apps/ that import them by name. */
const MONOREPO: FileTree = {
  "package.json": JSON.stringify({ name: "mono", private: true, workspaces: ["packages/*", "apps/*"], scripts: { build: "tsc -b", test: "vitest" } }),
  "package-lock.json": "{}",
  ...pkg("packages/core", "@demo/core", []),
  ...pkg("packages/ui", "@demo/ui", ["@demo/core"]),
  ...pkg("packages/api", "@demo/api", ["@demo/core"]),
  ...pkg("apps/web", "@demo/web", ["@demo/ui", "@demo/core"]),
  ...pkg("apps/server", "@demo/server", ["@demo/api"]),
  "README.md": "# mono\n",
};

describe("guard init: a workspaces monorepo", () => {
  it("layers the folders that hold packages (packages/ below apps/), from the imports by package name", () => {
    const dir = makeRepo(MONOREPO);
    const run = init(dir);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value)).toEqual([
      { name: "packages", paths: ["packages/**"] },
      { name: "apps", paths: ["apps/**"] },
    ]);
    expect(prose(text)).toContain("Workspaces (package.json `workspaces`): 5 packages with code, in apps/ (2), packages/ (3).");
    expect(prose(text)).toContain("3 imports between these folders go down this order, 0 against it.");
    expect(run.stdout).toContain("guard check with the new config: 0 errors, 0 warnings");
    expect(run.stdout).toContain("Nothing to fix");
    expect(findings(dir)).toEqual([]);
    // The starter map uses npm, as package-lock.json says, and links the README as the docs index.
    const map = readText(dir, "AGENTS.md");
    expect(map).toContain("npm run build");
    expect(map).toContain("[README.md](README.md)");
  });

  it("layers the packages one by one when they all live in one folder (pnpm-workspace.yaml)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "mono", private: true, scripts: { test: "vitest" } }),
      "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      ...pkg("packages/core", "@demo/core", []),
      ...pkg("packages/ui", "@demo/ui", ["@demo/core"]),
      ...pkg("packages/web", "@demo/web", ["@demo/ui", "@demo/core"]),
      ...pkg("packages/cli", "@demo/cli", ["@demo/core"]),
      // Code under packages/ that no package holds still gets a layer (else arch/unlayered would warn).
      "packages/scripts/release.ts": 'import { v } from "@demo/core";\nconsole.log(v);\n',
    });
    init(dir);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value)).toEqual([
      { name: "core", paths: ["packages/core/**"] },
      { name: "ui", paths: ["packages/ui/**"] },
      { name: "cli+scripts+web", paths: ["packages/cli/**", "packages/scripts/**", "packages/web/**"] },
    ]);
    expect(prose(text)).toContain("All of them live in packages/, so each package is a layer candidate.");
    expect(prose(text)).toContain("cli+scripts+web holds packages/cli/, packages/scripts/, packages/web/. Imported by no other layer;");
    expect(readText(dir, "AGENTS.md")).toContain("pnpm run test");
    expect(findings(dir)).toEqual([]);
  });
});
