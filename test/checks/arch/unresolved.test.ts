import { describe, expect, it } from "vitest";
import { checkJson, checkRule, execGit, findingsOf, makeRepo, writeFiles } from "../../helpers/repo.js";

const BASE = {
  "guard.yaml": 'layers:\n  - { name: app, paths: ["src/**"] }\n',
  "src/order-service.ts": "export const orders = [];\n",
  "src/util/index.ts": "export const util = 1;\n",
};

describe("arch/unresolved", () => {
  it("fires on a relative import that names no file, suggesting the closest existing module", () => {
    const { report, findings } = checkRule(
      { ...BASE, "src/main.ts": 'import { orders } from "./order-servce";\nimport { util } from "./utils";\nimport { nope } from "./payments/refund";\n' },
      "arch/unresolved",
    );
    expect(findings).toEqual([
      {
        file: "src/main.ts",
        line: 1,
        column: 24,
        message: 'src/main.ts imports "./order-servce", which names no file; the closest existing module is src/order-service.ts',
      },
      {
        file: "src/main.ts",
        line: 2,
        column: 22,
        message: 'src/main.ts imports "./utils", which names no file; the closest existing module is src/util/',
      },
      { file: "src/main.ts", line: 3, column: 22, message: 'src/main.ts imports "./payments/refund", which names no file' },
    ]);
    expect(report.diagnostics[0]!.fix).toBe(
      'Point "./order-servce" at src/order-service.ts if that is the module you meant; otherwise create the module it names.',
    );
    expect(report.diagnostics[2]!.fix).toBe('Correct "./payments/refund" to the path of a file that exists, or create the module it names.');
    expect(report.diagnostics[2]!.evidence).toEqual({ specifier: "./payments/refund" });
  });

  it("fires on a tsconfig alias that names no file", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } } }),
        "src/main.ts": 'import { orders } from "@/order-service";\nimport { gone } from "@/gone";\n',
      },
      "arch/unresolved",
    );
    expect(findings).toEqual([{ file: "src/main.ts", line: 2, column: 22, message: 'src/main.ts imports "@/gone", which names no file' }]);
  });

  it("stays quiet on packages, builtins, .js written for .ts, template literals, comments and strings", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/main.ts": [
          'import { readFileSync } from "node:fs";',
          'import { join } from "path";',
          'import React from "react";',
          'import { orders } from "./order-service.js";',
          'import { util } from "./util";',
          "const name = 'x';",
          "const lazy = () => import(`./missing/${name}`);",
          '// import { nope } from "./missing";',
          'const text = "import { nope } from \'./missing\'";',
          "",
        ].join("\n"),
      },
      "arch/unresolved",
    );
    expect(findings).toEqual([]);
  });
});

describe("arch/unresolved on monorepo and fixture code", () => {
  it("stays quiet on test fixtures, codemod pairs, /-specifiers, unbuilt outputs and workspace subpaths, and aliases into node_modules", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*"] }),
        "packages/utils/package.json": JSON.stringify({ name: "@acme/utils", main: "lib/index.js" }),
        "packages/utils/src/index.ts": "export const u = 1;\n",
        "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "react": ["./node_modules/@types/react"] } } }',
        "src/main.ts": 'import React from "react";\nimport { c } from "@acme/utils/lib/common/constants";\nexport const x = [React, c];\n',
        "src/test/fixtures/sample.ts": 'import { ast } from "./ast";\nexport const y = ast;\n',
        "src/transforms/__testfixtures__/rename.ts": 'import { old } from "./old";\nexport const z = old;\n',
        "src/transforms/rename.input.ts": 'import { before } from "./before.js";\nexport const w = before;\n',
        "src/admin/importMap.js": 'import { Button } from "/../components/Button/index.js";\nexport const importMap = { Button };\n',
        "bin/cli.js": 'require("../lib/cli");\nrequire("../build/Release/addon.node");\n',
      },
      "arch/unresolved",
    );
    expect(findings).toEqual([]);
  });
});

describe("arch/unresolved with --staged", () => {
  it("reports the importer a staged deletion breaks, though the importer itself is unchanged", () => {
    const dir = makeRepo({
      ...BASE,
      "src/main.ts": 'import { orders } from "./order-service.js";\nexport const n = orders.length;\n',
      "src/other.ts": 'import { util } from "./util";\nexport const m = util;\n',
    });
    execGit(dir, ["rm", "-q", "src/order-service.ts"]);
    const staged = findingsOf(checkJson(dir, ["--only", "arch/unresolved", "--staged"]), "arch/unresolved");
    expect(staged).toEqual([
      { file: "src/main.ts", line: 1, column: 24, message: 'src/main.ts imports "./order-service.js", which names no file' },
    ]);
  });

  it("stays quiet on an unchanged importer's debt that the staged change did not cause", () => {
    const dir = makeRepo({ ...BASE, "src/main.ts": 'import { x } from "./never-existed";\n', "src/new.ts": "export const y = 1;\n" });
    writeFiles(dir, { "src/new.ts": "export const y = 2;\n" });
    execGit(dir, ["add", "src/new.ts"]);
    expect(findingsOf(checkJson(dir, ["--only", "arch/unresolved", "--staged"]), "arch/unresolved")).toEqual([]);
  });
});
