import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint } from "eslint";
import { GUARD_BIN, type FileTree } from "../helpers/repo.js";

/** The built plugin (dist/src/adapters/eslint/plugin.js), as `harness-guard/eslint-plugin` exports it. */
export const plugin = (await import(pathToFileURL(join(dirname(GUARD_BIN), "../src/adapters/eslint/plugin.js")).href)).default as ESLint.Plugin;

/** A layered repo with an `import` rule file: core may not import ui, ui may not import fs. */
export const LAYERED: FileTree = {
  "guard.yaml": [
    "layers:",
    '  - { name: core, paths: ["src/core/**"] }',
    '  - { name: ui, paths: ["src/ui/**"] }',
    'exclude: ["src/core/vendor/**"]',
    'publicEntry: { "src/ui/widgets": "index.ts" }',
    "",
  ].join("\n"),
  ".guard/rules/no-fs-in-ui.yaml": [
    "kind: import",
    "from: src/ui/**",
    "forbid: [fs]",
    'message: "UI code must not touch the file system ({specifier})"',
    'fix: "Ask a core service for the data instead."',
    "",
  ].join("\n"),
  // A tsconfig alias: the plugin resolves it with the graph's resolver, as guard check does.
  "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@ui/*": ["src/ui/*"] } } }),
  ".gitignore": "node_modules/\nsrc/core/generated/\n",
  "package.json": JSON.stringify({ name: "fixture", type: "module", workspaces: ["packages/*"] }),
  // A workspace package, not installed: the resolver finds it through its folder, as in guard check.
  "packages/legacy/package.json": JSON.stringify({ name: "@acme/legacy", main: "index.js" }),
  "packages/legacy/index.js": "export const legacy = 1;\n",
  ".guard/rules/no-legacy.yaml": 'kind: import\nfrom: src/**\nforbid: ["packages/legacy/**"]\nmessage: "{from} imports the legacy package"\nfix: "Use src/core instead."\n',
  "src/ui/view.ts": "export const view = 1;\n",
  "src/ui/page.ts": 'import { readFileSync } from "node:fs";\nimport { model } from "../core/model.js";\nexport const page = [readFileSync, model];\n',
  "src/core/model.ts": 'import { view } from "../ui/view.js";\nexport const model = view;\n',
  "src/ui/widgets/index.ts": 'export { button } from "./button.js";\n',
  "src/ui/widgets/button.ts": "export const button = 1;\n",
  "src/ui/panel.ts": 'import { button } from "./widgets/button.js";\nexport const panel = button;\n',
  "src/core/clean.ts": "export const clean = 1;\n",
  "src/core/io.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
  "src/core/vendor/lib.ts": 'import { view } from "../../ui/view.js";\nexport const lib = view;\n',
};

/** arch/layer's message and fix for core importing src/ui/view.ts, as the ESLint message joins them. */
export const CORE_IMPORTS_VIEW =
  "core must not import from ui (src/ui/view.ts); core may import only from core — fix: Remove this import of src/ui/view.ts: move what both files need into code core may import (core), or let the ui code pass it in as a parameter or callback.";

export const UI_IMPORTS_FS = "no-fs-in-ui: UI code must not touch the file system (node:fs) — fix: Ask a core service for the data instead.";

/** arch/deep-import's message and fix for src/ui/panel.ts importing the widgets module past its entry. */
export const PANEL_DEEP =
  "src/ui/panel.ts imports src/ui/widgets/button.ts from inside module src/ui/widgets/; code outside the module may import only its entry src/ui/widgets/index.ts — fix: Import from src/ui/widgets/index.ts instead of src/ui/widgets/button.ts; if the module does not export what you need, export it from src/ui/widgets/index.ts first.";
