import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RuleTester, type Rule } from "eslint";
import { describe, it } from "vitest";
import { makeRepo } from "../helpers/repo.js";
import { CORE_IMPORTS_VIEW, LAYERED, PANEL_DEEP, plugin, UI_IMPORTS_FS } from "./eslint-support.js";

// ESLint's own RuleTester, run by vitest.
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
const layers = plugin.rules!.layers as Rule.RuleModule;
const imports = plugin.rules!.imports as Rule.RuleModule;

const repo = makeRepo(LAYERED);
const at = (file: string) => join(repo, file);

tester.run("guard/layers", layers, {
  valid: [
    // A higher layer imports a lower one.
    { code: 'import { model } from "../core/model.js";\nexport const x = model;\n', filename: at("src/ui/page.ts") },
    // Unsaved text: on disk model.ts imports ui; the buffer no longer does.
    { code: "export const model = 1;\n", filename: at("src/core/model.ts") },
    // Silenced with a guard-ignore comment, as guard check honours it.
    { code: '// guard-ignore arch/layer -- moved in #12\nimport { view } from "../ui/view.js";\nexport const y = view;\n', filename: at("src/core/model.ts") },
    // Excluded in guard.yaml: guard check does not look at it.
    { code: 'import { view } from "../../ui/view.js";\nexport const lib = view;\n', filename: at("src/core/vendor/lib.ts") },
    // Ignored by git: guard check does not list it.
    { code: 'import { view } from "../../ui/view.js";\nexport const gen = view;\n', filename: at("src/core/generated/out.ts") },
    // An unlayered file is arch/unlayered's business.
    { code: 'import { view } from "./src/ui/view.js";\nexport const z = view;\n', filename: at("scripts.ts") },
    // A publicEntry module imported through its entry, and from inside the module.
    { code: 'import { button } from "./widgets/index.js";\nexport const panel = button;\n', filename: at("src/ui/panel.ts") },
    { code: 'import { button } from "./button.js";\nexport { button };\n', filename: at("src/ui/widgets/index.ts") },
    // Text with no file behind it.
    { code: 'import { view } from "../ui/view.js";\nexport const w = view;\n' },
  ],
  invalid: [
    {
      code: 'import { view } from "../ui/view.js";\nexport const model = view;\n',
      filename: at("src/core/model.ts"),
      errors: [{ message: CORE_IMPORTS_VIEW, line: 1, column: 22, endLine: 1, endColumn: 37 }],
    },
    // Unsaved text: clean.ts is clean on disk, the buffer imports ui.
    {
      code: 'export const clean = 1;\nexport { view } from "../ui/view.js";\n',
      filename: at("src/core/clean.ts"),
      errors: [{ message: CORE_IMPORTS_VIEW, line: 2, column: 22 }],
    },
    // arch/deep-import: past a publicEntry module's entry.
    {
      code: 'import { button } from "./widgets/button.js";\nexport const panel = button;\n',
      filename: at("src/ui/panel.ts"),
      errors: [{ message: PANEL_DEEP, line: 1, column: 24 }],
    },
    // A new file in a folder not created yet (an editor's unsaved buffer).
    {
      code: 'import { view } from "../../ui/view.js";\nexport const deep = view;\n',
      filename: at("src/core/new/deep.ts"),
      errors: [{ message: CORE_IMPORTS_VIEW, line: 1, column: 22 }],
    },
    // A tsconfig `paths` alias resolves as in the import graph.
    {
      code: 'import { view } from "@ui/view";\nexport const aliased = view;\n',
      filename: at("src/core/aliased.ts"),
      errors: [{ message: CORE_IMPORTS_VIEW, line: 1, column: 22 }],
    },
  ],
});

tester.run("guard/imports", imports, {
  valid: [
    // The rule file's `from` is src/ui/**: core may read files.
    { code: 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n', filename: at("src/core/io.ts") },
    // Unsaved text: page.ts imports fs on disk, the buffer does not.
    { code: 'import { model } from "../core/model.js";\nexport const page = model;\n', filename: at("src/ui/page.ts") },
    { code: '// guard-ignore no-fs-in-ui -- a dev-only page\nimport fs from "fs";\nexport const f = fs;\n', filename: at("src/ui/dev.ts") },
  ],
  invalid: [
    {
      code: 'import { readFileSync } from "node:fs";\nexport const page = readFileSync;\n',
      filename: at("src/ui/page.ts"),
      errors: [{ message: UI_IMPORTS_FS, line: 1, column: 30, endColumn: 39 }],
    },
    {
      code: 'import { legacy } from "@acme/legacy";\nexport const old = legacy;\n',
      filename: at("src/core/old.ts"),
      errors: [{ message: "no-legacy: src/core/old.ts imports the legacy package — fix: Use src/core instead.", line: 1, column: 24 }],
    },
    {
      code: 'export const lazy = () => import("fs");\n',
      filename: at("src/ui/lazy.ts"),
      errors: [{ message: UI_IMPORTS_FS.replace("(node:fs)", "(fs)"), line: 1, column: 34 }],
    },
  ],
});

// Cross-cutting code: importable from every layer, and itself importing only the lowest layer.
const shared = makeRepo({ ...LAYERED, "guard.yaml": `${LAYERED["guard.yaml"] as string}crossCutting: ["src/shared/**"]\n`, "src/shared/util.ts": "export const util = 1;\n" });
tester.run("guard/layers (cross-cutting)", layers, {
  valid: [
    { code: 'import { util } from "../shared/util.js";\nexport const v = util;\n', filename: join(shared, "src/ui/view.ts") },
    { code: 'import { model } from "../core/model.js";\nexport const u = model;\n', filename: join(shared, "src/shared/util.ts") },
  ],
  invalid: [
    {
      code: 'import { view } from "../ui/view.js";\nexport const util = view;\n',
      filename: join(shared, "src/shared/util.ts"),
      errors: [{ messageId: "crossCutting", data: { rule: "arch/layer", message: "cross-cutting code must not import from ui (src/ui/view.ts); it may import only from cross-cutting code and core", fix: "Remove this import of src/ui/view.ts: move what src/shared/util.ts needs into cross-cutting code or core, or take it as a parameter, so every layer can keep importing src/shared/util.ts." }, line: 1, column: 22 }],
    },
  ],
});

// guard.yaml turns both off: the plugin follows it, as guard check does.
const off = makeRepo({
  ...LAYERED,
  "guard.yaml": `${LAYERED["guard.yaml"] as string}rules:\n  arch/layer: off\n  no-fs-in-ui: off\n`,
});
tester.run("guard/layers and guard/imports (off in guard.yaml)", layers, {
  valid: [{ code: 'import { view } from "../ui/view.js";\nexport const m = view;\n', filename: join(off, "src/core/model.ts") }],
  invalid: [],
});
tester.run("guard/imports (off in guard.yaml)", imports, {
  valid: [{ code: 'import fs from "node:fs";\nexport const p = fs;\n', filename: join(off, "src/ui/page.ts") }],
  invalid: [],
});

// A guard.yaml guard cannot load: one problem on line 1 with guard's own message, never a throw.
const broken = makeRepo({ "guard.yaml": "layers:\n  - { name: core, paths: [\n", "src/a.ts": "export const a = 1;\n" });
// Outside git and without guard.yaml there is no repository to check.
const loose = mkdtempSync(join(tmpdir(), "guard-loose-"));
writeFileSync(join(loose, "a.ts"), "export const a = 1;\n");

for (const [name, rule] of [["guard/layers", layers], ["guard/imports", imports]] as const) {
  tester.run(`${name} (config)`, rule, {
    valid: [{ code: 'import { a } from "./b.js";\nexport const c = a;\n', filename: join(loose, "a.ts") }],
    invalid: [
      {
        code: "export const a = 1;\n",
        filename: join(broken, "src/a.ts"),
        errors: [{ messageId: "config", line: 1, column: 1 }],
      },
    ],
  });
}
