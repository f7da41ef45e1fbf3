import { describe, expect, it } from "vitest";
import { checkRule, type FileTree } from "../../helpers/repo.js";

const RULE = "arch/cycle";
const LAYERS = 'layers:\n  - { name: app, paths: ["src/**"] }\n';

function cycles(files: FileTree) {
  const { report } = checkRule({ "guard.yaml": LAYERS, ...files }, RULE);
  return report.diagnostics.filter((d) => d.rule === RULE);
}

describe("arch/cycle", () => {
  it("fires once on a two-file cycle, on the smaller path at the import that starts the chain", () => {
    const found = cycles({
      "src/b.ts": 'import { a } from "./a";\nexport const b = a;\n',
      "src/a.ts": '// the first line\nimport { b } from "./b.js";\nexport const a = 1;\n',
    });
    expect(found.map(({ file, line, column, endColumn, message, evidence }) => ({ file, line, column, endColumn, message, evidence }))).toEqual([
      {
        file: "src/a.ts",
        line: 2,
        column: 19,
        endColumn: 27,
        message: "Import cycle of 2 files: src/a.ts → src/b.ts → src/a.ts",
        evidence: { cycle: ["src/a.ts", "src/b.ts"] },
      },
    ]);
    expect(found[0]!.related).toEqual([{ file: "src/b.ts", line: 1, column: 19, endLine: 1, endColumn: 24, message: "imports src/a.ts" }]);
    expect(found[0]!.fix).toContain("move what src/a.ts and src/b.ts both need into a lower module");
  });

  it("reports a three-file chain in import order from its stable member", () => {
    const found = cycles({
      "src/x/one.ts": 'import "../y/two";\n',
      "src/y/two.ts": 'export * from "../z/three";\n',
      "src/z/three.ts": 'const one = require("../x/one");\n',
    });
    expect(found.map((d) => [d.file, d.line, d.message])).toEqual([
      ["src/x/one.ts", 1, "Import cycle of 3 files: src/x/one.ts → src/y/two.ts → src/z/three.ts → src/x/one.ts"],
    ]);
    expect(found[0]!.related?.map((r) => [r.file, r.message])).toEqual([
      ["src/y/two.ts", "imports src/z/three.ts"],
      ["src/z/three.ts", "imports src/x/one.ts"],
    ]);
  });

  it("fires on a cycle through a type-only import, and says which link is type-only", () => {
    const found = cycles({
      "src/order.ts": 'import { formatCustomer } from "./customer.js";\nexport interface Order { id: string }\n',
      "src/customer.ts": 'import type { Order } from "./order.js";\nexport function formatCustomer(order: Order) { return order.id; }\n',
    });
    expect(found.map((d) => [d.file, d.message])).toEqual([
      ["src/customer.ts", "Import cycle of 2 files: src/customer.ts → src/order.ts → src/customer.ts; type-only: src/customer.ts → src/order.ts"],
    ]);
  });

  it("reports a tangle of several cycles once, with the shortest chain and the size of the tangle", () => {
    const found = cycles({
      "src/a.ts": 'import "./z";\nimport "./b";\n',
      "src/b.ts": 'import "./a";\nimport "./c";\n',
      "src/c.ts": 'import "./b";\n',
      "src/z.ts": 'import "./y";\n',
      "src/y.ts": 'import "./a";\n',
    });
    expect(found.map((d) => [d.file, d.line, d.message])).toEqual([
      ["src/a.ts", 2, "Import cycle of 2 files: src/a.ts → src/b.ts → src/a.ts; one of several cycles among 5 files that import each other"],
    ]);
  });

  it("reports separate cycles separately", () => {
    const found = cycles({
      "src/a.ts": 'import "./b";\n',
      "src/b.ts": 'import "./a";\n',
      "src/c.ts": 'import "./d";\nimport "./a";\n',
      "src/d.ts": 'import "./c";\n',
    });
    expect(found.map((d) => d.evidence.cycle)).toEqual([
      ["src/a.ts", "src/b.ts"],
      ["src/c.ts", "src/d.ts"],
    ]);
  });

  it("fires on a file that imports itself", () => {
    const found = cycles({ "src/self.ts": 'export const x = 1;\nexport * from "./self.js";\n' });
    expect(found.map((d) => [d.file, d.line, d.column, d.message])).toEqual([["src/self.ts", 2, 15, "src/self.ts imports itself"]]);
    expect(found[0]!.related).toBeUndefined();
  });

  const LAZY = {
    "src/routes.ts": 'export const page = () => import("./page.js");\n',
    "src/page.ts": 'import { page } from "./routes.js";\n',
  };

  it("stays quiet when a dynamic import() closes the loop: loading lazily is how a cycle is broken", () => {
    expect(cycles(LAZY)).toEqual([]);
  });

  it("counts dynamic imports with the option includeDynamic: true", () => {
    const config = `${LAYERS}rules:\n  arch/cycle: { severity: error, includeDynamic: true }\n`;
    const { findings } = checkRule({ "guard.yaml": config, ...LAZY }, RULE);
    expect(findings).toEqual([
      { file: "src/page.ts", line: 1, column: 22, message: "Import cycle of 2 files: src/page.ts → src/routes.ts → src/page.ts" },
    ]);
  });

  it("finds a cycle of 5,000 files without running out of stack", () => {
    const count = 5000;
    const name = (i: number) => `src/chain/m${String(i).padStart(5, "0")}.ts`;
    const files: FileTree = {};
    for (let i = 0; i < count; i += 1) files[name(i)] = `import "./${name((i + 1) % count).slice("src/chain/".length)}";\n`;
    const found = cycles(files);
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe(name(0));
    expect((found[0]!.evidence.cycle as string[]).length).toBe(count);
  }, 60_000);

  it("stays quiet on imports that only look circular: comments, strings, template literals, packages, builtins", () => {
    const found = cycles({
      "src/a.ts": [
        'import { b } from "./b";',
        'import fs from "node:fs";',
        'import React from "react";',
        "export const a = b;",
      ].join("\n"),
      "src/b.ts": [
        '// import { a } from "./a";',
        '/* import "./a"; */',
        'const text = "import \\"./a\\"";',
        "const name = 'a';",
        "const later = import(`./${name}`);",
        'const required = "require(\'./a\')";',
        "export const b = 1;",
      ].join("\n"),
    });
    expect(found).toEqual([]);
  });

  it("stays quiet on a diamond: two paths to one file are no cycle", () => {
    const found = cycles({
      "src/top.ts": 'import "./left";\nimport "./right";\n',
      "src/left.ts": 'import "./base";\n',
      "src/right.ts": 'import "./base";\n',
      "src/base.ts": "export {};\n",
    });
    expect(found).toEqual([]);
  });
});
