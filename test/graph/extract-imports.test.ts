import { describe, expect, it } from "vitest";
import type { ImportRef } from "../../src/graph/types.js";

// The built module (GUARD_DIST=/path/to/build selects another build folder).
const { extractImports } = (await import(
  process.env.GUARD_DIST ? `${process.env.GUARD_DIST}/src/graph/extract-imports.js` : "../../dist/src/graph/extract-imports.js"
)) as { extractImports(text: string, path: string): ImportRef[] };

/** `kind[ type] specifier` per import, in order. */
const brief = (text: string, path = "src/a.ts") =>
  extractImports(text, path).map((ref) => `${ref.kind}${ref.typeOnly ? " type" : ""} ${ref.specifier}`);

const ref = (specifier: string, kind: ImportRef["kind"], line: number, column: number, typeOnly = false): ImportRef => ({
  specifier, kind, typeOnly, line, column, endLine: line, endColumn: column + specifier.length + 2,
});

describe("every import form, with the exact place of its string literal", () => {
  it("reports static, type-only, side-effect, re-export, import-equals, dynamic and require imports", () => {
    const text = [
      'import React, { useState } from "react";',
      "import type { Order } from './types/order';",
      'import * as path from "node:path";',
      'import "./polyfill";',
      'export * from "./all";',
      'export * as ns from "./ns";',
      'export { a, b as c } from "./named";',
      'export type { T } from "./t";',
      'import fs = require("fs");',
      'const lazy = await import("./lazy");',
      'const cjs = require("./cjs");',
      'import type Config = require("./config");',
      "",
    ].join("\n");
    expect(extractImports(text, "src/a.ts")).toEqual([
      ref("react", "import", 1, 33),
      ref("./types/order", "import", 2, 28, true),
      ref("node:path", "import", 3, 23),
      ref("./polyfill", "side-effect", 4, 8),
      ref("./all", "export", 5, 15),
      ref("./ns", "export", 6, 21),
      ref("./named", "export", 7, 27),
      ref("./t", "export", 8, 24, true),
      ref("fs", "import-equals", 9, 21),
      ref("./lazy", "dynamic", 10, 27),
      ref("./cjs", "require", 11, 21),
      ref("./config", "import-equals", 12, 30, true),
    ]);
  });

  it("reads the other forms TypeScript accepts", () => {
    const text = [
      'import { default as x, "a-b" as y } from "./strings";',
      'export * as "a name" from "./string-namespace";',
      'export import A = require("./exported-equals");',
      'import data from "./data.json" with { type: "json" };',
      'const json = import("./dynamic.json", { with: { type: "json" } });',
      'import x2, * as rest from "./default-and-namespace";',
      "import\n  {\n  a2 }\n  from\n  './split-over-lines'",
      'export { default } from "./default-reexport";',
      'import defer * as deferred from "./deferred";',
      '@decorate(require("./in-decorator")) class A {}',
      'const member = require("./indexed")["key"];',
    ].join("\n");
    expect(brief(text)).toEqual([
      "import ./strings",
      "export ./string-namespace",
      "import-equals ./exported-equals",
      "import ./data.json",
      "dynamic ./dynamic.json",
      "import ./default-and-namespace",
      "import ./split-over-lines",
      "export ./default-reexport",
      "import ./deferred",
      "require ./in-decorator",
      "require ./indexed",
    ]);
    expect(extractImports(text, "src/a.ts")[6]).toMatchObject({ line: 11, column: 3, endLine: 11, endColumn: 23 });
  });

  it("reports each import in every file kind the graph reads", () => {
    for (const path of ["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs"]) {
      expect(brief('import a from "./a";\nconst b = require("./b");\n', path)).toEqual(["import ./a", "require ./b"]);
    }
  });
});

describe("type-only imports", () => {
  it.each([
    ['import type { A } from "m";', true],
    ['import type A from "m";', true],
    ['import type * as ns from "m";', true],
    ['import { type A, type B } from "m";', true],
    ['import { type A as B } from "m";', true],
    ['import { type A, b } from "m";', false],
    ['import D, { type A } from "m";', false],
    ['import {} from "m";', false],
    ['import { type } from "m";', false],
    ['import { type as } from "m";', true],
    ['import { type as as } from "m";', false],
    ['import type from "m";', false],
    ['import type from from "m";', true],
    ['import type, { a } from "m";', false],
    ['export type { A } from "m";', true],
    ['export type * from "m";', true],
    ['export type * as ns from "m";', true],
    ['export { type A, type B } from "m";', true],
    ['export { type A, b } from "m";', false],
    ['let a: import("m").Config;', true],
    ['type T = typeof import("m");', true],
    ['let p: Promise<import("m").A<string>>;', true],
    ['const p = import("m").then((m) => m.default);', false],
    ['const p = await import("m");', false],
  ])("%s → typeOnly %s", (text, typeOnly) => {
    expect(extractImports(text, "src/a.ts").map((found) => found.typeOnly)).toEqual([typeOnly]);
  });

  it("reports `import(\"m\").T` in a type as a type-only dynamic import, and every import() of a .d.ts as type-only", () => {
    expect(brief('export declare const a: import("./a").A;\ndeclare module "virtual" { export * from "./b"; }\n', "types/index.d.ts")).toEqual([
      "dynamic type ./a",
      "export ./b",
    ]);
  });
});

describe("what only looks like an import", () => {
  // Each decoy is followed by a real require, which must still be found: the lexer stays in step.
  it.each([
    ["a line comment", '// import x from "y"'],
    ["a block comment", '/* require("z")\n import "w" */'],
    ["a JSDoc type", '/** @type {import("./t").T} */ let t;'],
    ["a string", "const s = \"import('x')\";"],
    ["a string with escaped quotes", 'const s = "\\" require(\\"x\\") \\"";'],
    ["a template literal", 'const t = `${a} import("t") require("u")`;'],
    ["a nested template", "const t = `a${`b${c}import \"x\"`}d`;"],
    ["a regex literal", 'const re = /import("x")/;'],
    ["a regex with quotes and a slash in a class", "const re = /[/\"']require(/g;"],
    ["a regex after an if", 'if (ok) /"import x"/.test(s);'],
    ["division, then a quote", 'const half = total / 2; const q = "\'";'],
    ["a template import", "import(`./x/${name}`);"],
    ["a template without substitutions", "import(`./x`); require(`./y`);"],
    ["a computed require", 'require("./a" + name); require("./b", extra);'],
    ["method calls", 'foo.require("x"); obj.import("y"); obj?.require("z"); new require("w");'],
    ["import.meta", 'const u = import.meta.resolve("./x");'],
    ["an ambient module declaration", 'declare module "virtual:mod" { const x: number; }'],
    ["object keys named like keywords", 'const o = { import: "x", require: "y", export: "z" };'],
    ["an export without from", "export { a, b }; export default a; export const c = 1;"],
  ])("%s", (_name, decoy) => {
    expect(brief(`${decoy}\nrequire("./after");\n`)).toEqual(["require ./after"]);
  });

  it("counts a require inside a template substitution: it runs", () => {
    expect(brief('const t = `${require("./inside")} import("not-this")`;')).toEqual(["require ./inside"]);
  });
});

describe("JSX", () => {
  it("skips JSX text, including apostrophes and import-like words, and reads the code in braces", () => {
    const text = [
      'import React from "react";',
      "export const A = () => (",
      '  <p className="intro" title=\'C:\\\' data-x="1">',
      '    import x from "y"; don\'t require("z") `tick',
      '    {cond && <span>{import("./child")}</span>}',
      '    <B render={() => require("./render-prop")} {...rest} />',
      "  </p>",
      ");",
      'require("./after");',
    ].join("\n");
    for (const path of ["a.tsx", "a.jsx", "a.js"]) {
      expect(brief(text, path)).toEqual(["import react", "dynamic ./child", "require ./render-prop", "require ./after"]);
    }
    expect(extractImports(text, "a.tsx")[3]).toMatchObject({ line: 9, column: 9 });
  });

  it("tells generics and comparisons from tags", () => {
    const text = [
      "const id = <T,>(x: T) => x;",
      "const first = <T extends unknown[]>(xs: T) => xs[0];",
      "const less = a < b && c > d;",
      "type F = <T>(x: T) => T;",
      "const el = <Select<Option> value={1}>text</Select>;",
      "const frag = <>it's</>;",
      'require("./after");',
    ].join("\n");
    expect(brief(text, "a.tsx")).toEqual(["require ./after"]);
  });

  it("does not look for JSX in .ts files, where `<T>x` is a type assertion", () => {
    expect(brief('const x = <Foo>bar; const s = "import \'x\'";\nrequire("./after");', "a.ts")).toEqual(["require ./after"]);
  });
});

describe("positions", () => {
  it("counts lines over CRLF and lone CR, and does not count a BOM as a column", () => {
    const text = '\uFEFFimport a from "a";\r\nimport b from "b";\rimport c from "c";\r\n';
    expect(extractImports(text, "a.ts")).toEqual([ref("a", "import", 1, 15), ref("b", "import", 2, 15), ref("c", "import", 3, 15)]);
  });

  it("counts columns in UTF-16 code units, as TypeScript and VS Code do", () => {
    expect(extractImports('const s = "😀é"; import x from "m";\n', "a.ts")).toEqual([ref("m", "import", 1, 32)]);
  });

  it("spans lines for a string with a line continuation", () => {
    expect(extractImports('require("a\\\nb");', "a.js")).toEqual([
      { specifier: "ab", kind: "require", typeOnly: false, line: 1, column: 9, endLine: 2, endColumn: 3 },
    ]);
  });
});

describe("robustness", () => {
  it("finds the imports of a file with syntax errors", () => {
    const text = 'import { a from "./a";\nfunction (( {\nconst s = "unterminated\nimport b from "./b";\n<div>\n';
    expect(brief(text, "a.ts")).toEqual(["import ./b"]);
    expect(brief('import a from "./a";\nconst x = <div>{</span>;\nrequire("./c");\n', "a.tsx")).toContain("import ./a");
  });

  it("returns without throwing on binary data, NUL bytes, a 5 MB line and deep nesting", () => {
    const bytes = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join("");
    const inputs = [
      bytes,
      '\0import "nul"\0',
      `import a from "a";${"x".repeat(5_000_000)}\nrequire("b");`,
      "{".repeat(100_000) + 'require("c")',
      "const a = " + "<a>{".repeat(20_000) + 'require("d")',
      "`${".repeat(50_000) + 'require("e")',
    ];
    for (const text of inputs) {
      for (const path of ["a.ts", "a.tsx", "a.js"]) expect(Array.isArray(extractImports(text, path))).toBe(true);
    }
    expect(brief(inputs[2]!, "a.ts")).toEqual(["import a", "require b"]);
    expect(brief(inputs[3]!, "a.ts")).toEqual(["require c"]);
  });
});
