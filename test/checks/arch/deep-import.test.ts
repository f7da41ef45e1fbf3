import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const CONFIG = [
  "layers:",
  '  - { name: core, paths: ["src/core/**"] }',
  '  - { name: features, paths: ["src/orders/**", "src/billing/**"] }',
  'publicEntry: { "src/*/": "index.ts" }',
  "",
].join("\n");

const BASE = {
  "guard.yaml": CONFIG,
  "src/orders/index.ts": 'export { createOrder } from "./create";\n',
  "src/orders/create.ts": 'import { total } from "./internal/total";\nexport const createOrder = () => total;\n',
  "src/orders/internal/total.ts": "export const total = 0;\n",
  // No index.ts: not a module, so nothing in it is private.
  "src/core/id.ts": "export const id = 1;\n",
};

describe("arch/deep-import", () => {
  it("fires on an import past a module's entry file, from outside the module", () => {
    const { report, findings } = checkRule(
      { ...BASE, "src/billing/index.ts": 'import { createOrder } from "../orders/create";\nimport type { total } from "../orders/internal/total.js";\n' },
      "arch/deep-import",
    );
    expect(findings).toEqual([
      {
        file: "src/billing/index.ts",
        line: 1,
        column: 29,
        message: "src/billing/index.ts imports src/orders/create.ts from inside module src/orders/; code outside the module may import only its entry src/orders/index.ts",
      },
      {
        file: "src/billing/index.ts",
        line: 2,
        column: 28,
        message:
          "src/billing/index.ts imports src/orders/internal/total.ts from inside module src/orders/; code outside the module may import only its entry src/orders/index.ts",
      },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({
      from: "features",
      to: "features",
      specifier: "../orders/create",
      target: "src/orders/create.ts",
      module: "src/orders",
    });
    expect(report.diagnostics[0]!.fix).toBe(
      "Import from src/orders/index.ts instead of src/orders/create.ts; if the module does not export what you need, export it from src/orders/index.ts first.",
    );
  });

  it("stays quiet on imports through the entry, inside a module, and into folders without an entry file", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "src/billing/index.ts": 'import { createOrder } from "../orders";\nimport { createOrder as again } from "../orders/index.js";\nimport { id } from "../core/id";\n',
      },
      "arch/deep-import",
    );
    expect(findings).toEqual([]);
  });

  it("is off without publicEntry", () => {
    const { findings } = checkRule(
      {
        ...BASE,
        "guard.yaml": CONFIG.replace(/publicEntry.*\n/, ""),
        "src/billing/index.ts": 'import { createOrder } from "../orders/create";\n',
      },
      "arch/deep-import",
    );
    expect(findings).toEqual([]);
  });
});
