import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const CONFIG = [
  "layers:",
  '  - { name: types, paths: ["src/types/**"] }',
  '  - { name: ui, paths: ["src/ui/**"] }',
  'crossCutting: ["src/shared/**"]',
  "",
].join("\n");

describe("arch/unlayered", () => {
  it("warns on a code file under a layered root that belongs to no layer", () => {
    const { report, findings } = checkRule(
      { "guard.yaml": CONFIG, "src/types/a.ts": "", "src/index.ts": "export {};\n", "src/jobs/nightly.js": "" },
      "arch/unlayered",
    );
    expect(findings).toEqual([
      {
        file: "src/index.ts",
        line: 1,
        column: 1,
        message: "src/index.ts is under src/, where code is layered, but belongs to no layer (types, ui) and is not cross-cutting",
      },
      {
        file: "src/jobs/nightly.js",
        line: 1,
        column: 1,
        message: "src/jobs/nightly.js is under src/, where code is layered, but belongs to no layer (types, ui) and is not cross-cutting",
      },
    ]);
    expect(report.diagnostics[0]!.severity).toBe("warn");
    expect(report.diagnostics[0]!.evidence).toEqual({ root: "src" });
  });

  it("stays quiet on layered and cross-cutting files, tests, declaration files, non-code files and code outside the layered roots", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": CONFIG,
        "src/types/a.ts": "",
        "src/ui/button.tsx": "",
        "src/shared/log.ts": "",
        "src/env.d.ts": "",
        "src/app.test.ts": "",
        "src/__tests__/ui.ts": "",
        "src/styles.css": "",
        "src/README.md": "# src\n",
        "scripts/build.ts": "",
        "test/ui.test.ts": "",
        "vitest.config.ts": "",
      },
      "arch/unlayered",
    );
    expect(findings).toEqual([]);
  });

  it("takes the layered root of a monorepo layer glob from the folder above the layers", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": 'layers:\n  - { name: domain, paths: ["packages/*/src/domain/**"] }\n  - { name: ui, paths: ["packages/*/src/ui/**"] }\n',
        "packages/shop/src/domain/cart.ts": "",
        "packages/shop/src/helpers.ts": "",
        "packages/shop/scripts/seed.ts": "",
      },
      "arch/unlayered",
    );
    expect(findings.map((f) => f.file)).toEqual(["packages/shop/src/helpers.ts"]);
  });
});
