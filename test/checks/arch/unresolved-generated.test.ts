import { describe, expect, it } from "vitest";
import { checkJson, checkRule, findingsOf, makeRepo, writeFiles } from "../../helpers/repo.js";

const RULE = "arch/unresolved";
const LAYERS = { "guard.yaml": 'layers:\n  - { name: app, paths: ["src/**", "app/**"] }\n' };

describe("arch/unresolved and generated files", () => {
  it("stays quiet on imports of files git ignores that no one generated yet: relative, index, alias, nested .gitignore", () => {
    const { findings } = checkRule(
      {
        ...LAYERS,
        ".gitignore": "src/admin/importMap.js\nsrc/gen-out/\n*.generated-schema.ts\n",
        "app/.gitignore": "/prisma-client/\n",
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@gen/*": ["src/gen-out/*"] } } }),
        "src/layout.tsx": 'import { importMap } from "./admin/importMap.js";\nimport { api } from "@gen/api";\nimport { schema } from "./db.generated-schema";\nexport default [importMap, api, schema];\n',
        "app/page.ts": 'import { PrismaClient } from "./prisma-client";\nexport const db = new PrismaClient();\n',
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("stays quiet on a file named as generated (`*.gen.*`, `__generated__/`) that a build writes, whether or not .gitignore names it", () => {
    const { findings } = checkRule(
      {
        ...LAYERS,
        "src/router.tsx":
          'import { routeTree } from "./routeTree.gen";\nimport { ops } from "../graphql/ops.gen.js";\nimport { q } from "./__generated__/query.graphql";\nexport default [routeTree, ops, q];\n',
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("stays quiet on an ignored file that is on disk", () => {
    const dir = makeRepo({ ...LAYERS, ".gitignore": "src/importMap.js\n", "src/layout.tsx": 'import { importMap } from "./importMap.js";\nexport default importMap;\n' });
    writeFiles(dir, { "src/importMap.js": "export const importMap = {};\n" });
    expect(findingsOf(checkJson(dir, ["--only", RULE]), RULE)).toEqual([]);
  });

  it("fires on an import that names nothing anywhere, beside ignored ones", () => {
    const { findings } = checkRule(
      {
        ...LAYERS,
        ".gitignore": "src/gen/\nsrc/admin/importMap.js\n",
        "src/main.ts":
          'import { a } from "./gen/types";\nimport { b } from "./gens/types";\nimport { c } from "./admin/importMapp.js";\nexport default [a, b, c];\n',
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "src/main.ts", line: 2, column: 19, message: 'src/main.ts imports "./gens/types", which names no file' },
      { file: "src/main.ts", line: 3, column: 19, message: 'src/main.ts imports "./admin/importMapp.js", which names no file' },
    ]);
  });

  it("stays quiet on a data file a build writes beside the compiled output, but not on code missing from the sources", () => {
    const { findings } = checkRule(
      {
        ...LAYERS,
        ".gitignore": "lib/\n",
        "tsconfig.json": JSON.stringify({ compilerOptions: { rootDir: "src", outDir: "lib" } }),
        "src/store.ts": 'const catalog = require("./catalog.json");\nimport { helper } from "./helper.js";\nexport default [catalog, helper];\n',
      },
      RULE,
    );
    expect(findings).toEqual([{ file: "src/store.ts", line: 2, column: 24, message: 'src/store.ts imports "./helper.js", which names no file' }]);
  });

  it("judges the .gitignore of this run on a warm run whose findings the file memo replays", () => {
    const dir = makeRepo({
      ...LAYERS,
      ".gitignore": "node_modules/\nsrc/importMap.js\n",
      "node_modules/.keep": "",
      "src/layout.tsx": 'import { importMap } from "./importMap.js";\nexport default importMap;\n',
      "src/other.ts": "export const other = 1;\n",
    });
    const run = () => findingsOf(checkJson(dir, ["--only", RULE]), RULE).map((finding) => finding.message);
    expect(run()).toEqual([]);
    // The file changed, its folder's resolutions did not: the cached resolution keeps its targets.
    writeFiles(dir, { "src/layout.tsx": 'import { importMap } from "./importMap.js";\nexport default { importMap };\n' });
    expect(run()).toEqual([]);
    writeFiles(dir, { ".gitignore": "node_modules/\n" });
    expect(run()).toEqual(['src/layout.tsx imports "./importMap.js", which names no file']);
    expect(run()).toEqual(['src/layout.tsx imports "./importMap.js", which names no file']);
    writeFiles(dir, { ".gitignore": "node_modules/\n**/importMap.js\n" });
    expect(run()).toEqual([]);
  });
});
