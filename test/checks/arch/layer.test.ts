import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const LAYERS = [
  "layers:",
  '  - { name: types, paths: ["src/types/**"] }',
  '  - { name: service, paths: ["src/service/**"] }',
  '  - { name: ui, paths: ["src/ui/**"] }',
  'crossCutting: ["src/shared/**"]',
  "",
].join("\n");

const BASE = {
  "guard.yaml": LAYERS,
  "src/types/order.ts": "export interface Order { id: string }\n",
  "src/ui/button.tsx": "export const Button = () => null;\nexport type Size = 'small' | 'large';\n",
  "src/service/helper.ts": "export const helper = 1;\n",
  "src/shared/log.ts": "export const log = (message: string) => message;\n",
};

describe("arch/layer", () => {
  it("fires on an import from a higher layer, at the specifier, naming both layers and the target", () => {
    const { report, findings } = checkRule(
      { ...BASE, "src/service/order.ts": 'import { Button } from "../ui/button";\nexport const x = Button;\n' },
      "arch/layer",
    );
    expect(findings).toEqual([
      {
        file: "src/service/order.ts",
        line: 1,
        column: 24,
        message: "service must not import from ui (src/ui/button.tsx); service may import only from service, types, cross-cutting code",
      },
    ]);
    const [diagnostic] = report.diagnostics;
    expect(diagnostic!.evidence).toEqual({ from: "service", to: "ui", specifier: "../ui/button", target: "src/ui/button.tsx" });
    expect(diagnostic!.fix).toContain("move what both files need into code service may import (service, types, cross-cutting code)");
    expect(diagnostic!.related).toEqual([{ file: "src/ui/button.tsx", line: 1, column: 1, message: "the imported file, in layer ui" }]);
  });

  it("fires on type-only imports, re-exports, require and dynamic imports with a string literal", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/service/order.ts": [
          'import type { Size } from "../ui/button";',
          'export { Button } from "../ui/button";',
          'const lazy = () => import("../ui/button");',
          'const button = require("../ui/button");',
          "export const size: Size = 'small';",
          "",
        ].join("\n"),
      },
      "arch/layer",
    );
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [1, 27],
      [2, 24],
      [3, 27],
      [4, 24],
    ]);
  });

  it("stays quiet on imports from lower layers and the same layer, and on look-alikes in comments, strings and template literals", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/ui/page.tsx": 'import type { Order } from "../types/order";\nimport { helper } from "../service/helper";\nimport { Button } from "./button";\n',
        "src/service/order.ts": [
          '// import { Button } from "../ui/button";',
          '/* export * from "../ui/button"; */',
          'const text = \'import { Button } from "../ui/button"\';',
          'const name = "button";',
          "const lazy = () => import(`../ui/${name}`);",
          'const doc = `require("../ui/button")`;',
          "",
        ].join("\n"),
      },
      "arch/layer",
    );
    expect(findings).toEqual([]);
  });

  it("never reports node: builtins or external packages", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/types/io.ts": 'import { readFileSync } from "node:fs";\nimport path from "path";\nimport React from "react";\nimport { z } from "zod/v4";\n',
      },
      "arch/layer",
    );
    expect(findings).toEqual([]);
  });

  it("follows a tsconfig alias that shadows a package name to the local file, and fires on it", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        ".gitignore": "node_modules/\n",
        "node_modules/ui/package.json": '{ "name": "ui", "main": "index.js" }\n',
        "node_modules/ui/index.js": "module.exports = {};\n",
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { ui: ["src/ui/button.tsx"] } } }),
        "src/service/order.ts": 'import { Button } from "ui";\n',
      },
      "arch/layer",
    );
    expect(findings).toEqual([
      {
        file: "src/service/order.ts",
        line: 1,
        column: 24,
        message: "service must not import from ui (src/ui/button.tsx); service may import only from service, types, cross-cutting code",
      },
    ]);
  });

  it("lets every layer import cross-cutting code, which may import only itself and the lowest layer", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/types/id.ts": 'import { log } from "../shared/log";\n',
        "src/ui/page.tsx": 'import { log } from "../shared/log";\n',
        "src/shared/format.ts": 'import { log } from "./log";\nimport type { Order } from "../types/order";\nimport { helper } from "../service/helper";\n',
      },
      "arch/layer",
    );
    expect(findings).toEqual([
      {
        file: "src/shared/format.ts",
        line: 3,
        column: 24,
        message:
          "cross-cutting code must not import from service (src/service/helper.ts); it may import only from cross-cutting code and types",
      },
    ]);
  });

  it("leaves files outside every layer to arch/unlayered", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/index.ts": 'export * from "./ui/button";\n',
        "src/service/order.ts": 'import "../index";\n',
        "scripts/build.ts": 'import "../src/ui/button";\n',
      },
      "arch/layer",
    );
    expect(findings).toEqual([]);
  });
});
