import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "guard/dead-glob";
const dead = (glob: string, field: string) => `\`${glob}\` (${field}) matches no file of the repository, so it can never apply`;

const code = {
  "src/core/types.ts": "export type Id = string;\n",
  "src/ui/button.ts": "export const button = 1;\n",
  "src/shared/log.ts": "export const log = 1;\n",
  "docs/index.md": "# Docs\n",
};

describe("guard/dead-glob", () => {
  it("fires on guard.yaml globs that match nothing, at the glob", () => {
    const config = [
      "layers:",
      '  - { name: core, paths: ["src/core/**"] }',
      "  - name: service",
      "    paths:",
      '      - "src/service/**"',
      "      - src/servce",
      '  - { name: ui, paths: ["./src/ui/"] }',
      'crossCutting: ["src/shared/**", "src/common/**"]',
      'publicEntry: { "src/*/": index.ts, "lib/*/": index.ts }',
      "docs:",
      "  roots: [docs, documentation]",
      "agents:",
      '  maps: ["**/AGENTS.md", "doc/AGENTS.md"]',
      "",
    ].join("\n");
    const { findings } = checkRule({ ...code, "guard.yaml": config }, RULE);
    expect(findings).toEqual([
      { file: "guard.yaml", line: 5, column: 9, message: dead("src/service/**", "layers.1.paths") },
      { file: "guard.yaml", line: 6, column: 9, message: dead("src/servce", "layers.1.paths") },
      { file: "guard.yaml", line: 8, column: 33, message: dead("src/common/**", "crossCutting") },
      { file: "guard.yaml", line: 9, column: 36, message: dead("lib/*/", "publicEntry") },
      { file: "guard.yaml", line: 11, column: 17, message: dead("documentation", "docs.roots") },
      { file: "guard.yaml", line: 13, column: 26, message: dead("doc/AGENTS.md", "agents.maps") },
    ]);
  });

  it("is quiet on globs that match, plain folders, captures, negations, excludes and restated defaults", () => {
    const config = [
      'exclude: ["dist/**", "vendor/**"]',
      "layers:",
      "  - { name: core, paths: [src/core, \"!src/core/legacy/**\"] }",
      '  - { name: ui, paths: ["src/{area}/button.ts", "src/ui/*.ts"] }',
      'crossCutting: ["src/shared/**"]',
      'publicEntry: { "src/*/": index.ts }',
      "docs:",
      "  roots: [docs]",
      "agents:",
      '  maps: ["**/AGENTS.md", "**/CLAUDE.md", "**/GEMINI.md", ".github/copilot-instructions.md"]',
      "",
    ].join("\n");
    expect(checkRule({ ...code, "guard.yaml": config }, RULE).findings).toEqual([]);
  });

  it("fires on a docs.nav path that matches nothing; `auto` is no glob", () => {
    const config = "docs:\n  nav: [auto, docs/index.md, docs/sidebar.json]\n";
    expect(checkRule({ ...code, "guard.yaml": config }, RULE).findings).toEqual([
      { file: "guard.yaml", line: 2, column: 30, message: dead("docs/sidebar.json", "docs.nav") },
    ]);
  });

  it("reads .guard/config.yaml too, and is quiet without a config file", () => {
    const { findings } = checkRule({ ...code, ".guard/config.yaml": "docs:\n  roots: [manual]\n" }, RULE);
    expect(findings).toEqual([{ file: ".guard/config.yaml", line: 2, column: 11, message: dead("manual", "docs.roots") }]);
    // The defaults and the recommended preset name docs/ and maps this repo does not have.
    expect(checkRule({ "src/a.ts": "export const a = 1;\n" }, RULE).findings).toEqual([]);
  });

  it("fires on rule file globs that match nothing; not on ignore, package names, captures or rules that are off", () => {
    const rule = [
      "kind: text",
      "severity: error",
      'files: ["src/**/*.ts", "server/**/*.ts"]',
      'ignore: ["**/*.generated.ts"]',
      "regex: TODO",
      "message: No TODO in code.",
      "fix: Do it now or open an issue.",
      "",
    ].join("\n");
    const imports = [
      "kind: import",
      'from: ["src/{area}/**"]',
      'forbid: ["moment", "src/legacy/**", "src/*/internal/**"]',
      'allow: ["src/{area}/**"]',
      "message: Features stay apart.",
      "fix: Import through src/core.",
      "",
    ].join("\n");
    const off = ["kind: placement", "severity: off", 'match: ["**/*.spec.ts"]', 'in: ["test/**"]', "message: Specs in test/.", "fix: Move it.", ""].join("\n");
    const { findings } = checkRule(
      { ...code, ".guard/rules/no-todo.yaml": rule, ".guard/rules/features.yaml": imports, ".guard/rules/specs.yaml": off },
      RULE,
    );
    expect(findings).toEqual([
      { file: ".guard/rules/features.yaml", line: 3, column: 20, message: dead("src/legacy/**", "forbid") },
      { file: ".guard/rules/features.yaml", line: 3, column: 37, message: dead("src/*/internal/**", "forbid") },
      { file: ".guard/rules/no-todo.yaml", line: 3, column: 24, message: dead("server/**/*.ts", "files") },
    ]);
  });
});
