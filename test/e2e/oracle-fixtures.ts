import { posix } from "node:path";
import type { FileTree } from "../helpers/repo.js";

/** Fixture repos for the dependency-cruiser oracle, each with how many local edges it holds. */
export interface OracleFixture {
  name: string;
  files: FileTree;
  /** The folders both tools cruise. */
  roots: string[];
  /** Distinct local from → to edges in the fixture, counted by hand. */
  edges: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const EVERY_FORM: OracleFixture = {
  name: "relative imports: extensions, .js for .ts, index files, and every import form",
  roots: ["src"],
  edges: 23,
  files: {
    "tsconfig.json": json({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", allowJs: true, jsx: "react-jsx", strict: true }, include: ["src"] }),
    "src/main.ts": [
      'import { a } from "./a";',
      'import { b } from "./b.js";',
      'import { c } from "./lib";',
      'import { d } from "./lib/index.js";',
      'import type { T } from "./types";',
      'export type { U } from "./types.js";',
      'export * from "./reexport";',
      'import "./side-effect";',
      'const lazy = () => import("./lazy.js");',
      'const legacy = require("./legacy.cjs");',
      'import eq = require("./eq");',
      'import { m } from "./mod.mjs";',
      'import { View } from "./view";',
      'export { named } from "./deep/er/named.js";',
      'import data from "./data.json" with { type: "json" };',
      'import "./styles.css";',
      'import { ct } from "./common.cjs";',
      'import { Panel } from "./panel";',
      'import { old } from "./old.js";',
      'import fs from "node:fs";',
      'import path from "path";',
      'import React from "react";',
      '// import "./commented";',
      "/* export * from './commented'; */",
      "const text = \"import './stringy'\";",
      'const name = "x";',
      "const dynamic = import(`./dyn/${name}.js`);",
      "export const all = [a, b, c, d, lazy, legacy, eq, m, View, old, fs, path, React, text, dynamic];",
      "",
    ].join("\n"),
    "src/a.ts": 'import "./b";\nexport const a = 1;\n',
    "src/b.ts": "export const b = 1;\n",
    "src/lib/index.ts": 'export * from "./impl";\n',
    "src/lib/impl.ts": "export const c = 1;\nexport const d = 2;\n",
    "src/types.ts": "export type T = 1;\nexport type U = 2;\n",
    "src/reexport.ts": "export const r = 1;\n",
    "src/side-effect.ts": "globalThis.x = 1;\n",
    "src/lazy.ts": "export default 1;\n",
    "src/legacy.cjs": 'module.exports = require("./util.js");\n',
    "src/eq.ts": "export = 1;\n",
    "src/mod.mts": "export const m = 1;\n",
    "src/view.tsx": 'import { a } from "./a";\nexport const View = () => <div>{a}</div>;\n',
    "src/old.js": 'import { u } from "./util.js";\nexport const old = u;\n',
    "src/util.js": "export const u = 1;\n",
    "src/commented.ts": "export {};\n",
    "src/stringy.ts": "export {};\n",
    "src/dyn/x.ts": "export {};\n",
    "src/deep/er/named.ts": 'import { a } from "../../a.js";\nexport const named = a;\n',
    "src/data.json": "{}\n",
    "src/styles.css": "body {}\n",
    "src/common.cts": "export const ct = 1;\n",
    "src/panel/index.tsx": "export const Panel = () => <p />;\n",
  },
};

const ALIASES: OracleFixture = {
  name: "tsconfig paths and baseUrl through extends, and an alias that shadows a package name",
  roots: ["src"],
  edges: 8,
  files: {
    "tsconfig.base.json": json({ compilerOptions: { baseUrl: ".", paths: { "@app/*": ["src/app/*"], "~/*": ["src/*"], lodash: ["src/shims/lodash.ts"], "@shared/*": ["src/shared/*", "src/fallback/*"] } } }),
    "tsconfig.json": json({ extends: "./tsconfig.base.json", compilerOptions: { module: "ESNext", moduleResolution: "Bundler", strict: true }, include: ["src"] }),
    "src/main.ts": [
      'import { x } from "@app/x";',
      'import { y } from "@app/y.js";',
      'import { z } from "~/lib/z";',
      'import _ from "lodash";',
      'import { w } from "src/lib/w";',
      'import { external } from "@app-external/pkg";',
      'import { first } from "@shared/first";',
      'import { second } from "@shared/second";',
      "export const all = [x, y, z, _, w, external];",
      "",
    ].join("\n"),
    "src/app/x.ts": 'import { z } from "../lib/z";\nexport const x = z;\n',
    "src/app/y.ts": "export const y = 1;\n",
    "src/lib/z.ts": "export const z = 1;\n",
    "src/lib/w.ts": "export const w = 1;\n",
    "src/shims/lodash.ts": "export default {};\n",
    "src/shared/first.ts": "export const first = 1;\n",
    "src/fallback/second.ts": "export const second = 1;\n",
  },
};

export const ORACLE_FIXTURES: OracleFixture[] = [EVERY_FORM, ALIASES];

/** npm workspaces; `apps/web` imports `@acme/util` by name, with no node_modules. 5 local edges for guard. */
export const WORKSPACES: FileTree = {
  ".gitignore": "node_modules/\n",
  "package.json": json({ name: "root", private: true, workspaces: ["apps/*", "packages/*"] }),
  "tsconfig.json": json({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
  "packages/util/package.json": json({ name: "@acme/util", version: "1.0.0", type: "module", exports: { ".": "./src/index.ts", "./format": "./src/format.ts" }, imports: { "#internal/*": "./src/internal/*.ts" } }),
  "packages/util/src/index.ts": 'export * from "./format.js";\nimport { secret } from "#internal/secret";\n',
  "packages/util/src/internal/secret.ts": "export const secret = 1;\n",
  "packages/util/src/format.ts": "export const format = (value: string) => value.trim();\n",
  "apps/web/package.json": json({ name: "web", version: "1.0.0", type: "module", dependencies: { "@acme/util": "*" } }),
  "apps/web/src/main.ts": [
    'import { format } from "@acme/util";',
    'import { format as again } from "@acme/util/format";',
    'import { helper } from "./helper.js";',
    "export const out = [format, again, helper];",
    "",
  ].join("\n"),
  "apps/web/src/helper.ts": "export const helper = 1;\n",
};

/**
 * A repo of `count` files in four folders and some index-file modules, each importing up to
 * four others in every form (relative with and without `.js`, alias, directory, type-only,
 * re-export, dynamic, require), chosen by a fixed pseudo-random sequence.
 */
export function generatedRepo(count: number): { files: FileTree; edges: number } {
  let seed = 42;
  const next = (limit: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % limit;
  };
  const folders = ["types", "config", "service", "ui"];
  const modules = Array.from({ length: count }, (_, i) =>
    i % 10 === 0 ? `src/feature${i}/index.ts` : `src/${folders[i % folders.length]}/m${i}.ts`,
  );
  const files: FileTree = {
    "tsconfig.json": json({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", baseUrl: ".", paths: { "@/*": ["src/*"] }, strict: true }, include: ["src"] }),
  };
  const edges = new Set<string>();
  for (const [i, from] of modules.entries()) {
    const lines: string[] = [];
    for (let k = next(5); k > 0; k -= 1) {
      const to = modules[next(count)]!;
      if (to === from) continue;
      edges.add(`${from} → ${to}`);
      lines.push(importLine(from, to, next(8), k));
    }
    lines.push(`export const value${i} = ${i};`);
    files[from] = `${lines.join("\n")}\n`;
  }
  return { files, edges: edges.size };
}

function importLine(from: string, to: string, form: number, k: number): string {
  const relative = posix.relative(posix.dirname(from), to.replace(/\.ts$/, ""));
  const bare = relative.startsWith(".") ? relative : `./${relative}`;
  const directory = to.endsWith("/index.ts") ? posix.dirname(bare) : bare;
  const alias = `@/${to.slice("src/".length).replace(/\.ts$/, ".js")}`;
  switch (form) {
    case 0: return `import * as m${k} from "${bare}";`;
    case 1: return `import * as m${k} from "${bare}.js";`;
    case 2: return `import * as m${k} from "${alias}";`;
    case 3: return `import type * as m${k} from "${directory}";`;
    case 4: return `export * as m${k} from "${bare}.js";`;
    case 5: return `const m${k} = () => import("${bare}.js");`;
    case 6: return `const m${k} = require("${bare}");`;
    default: return `import "${directory === bare ? `${bare}.js` : directory}";`;
  }
}
