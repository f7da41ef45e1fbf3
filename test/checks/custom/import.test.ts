import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard } from "../../helpers/repo.js";

const FEATURES = "team/features-apart";
const PACKAGES = "team/no-legacy-deps";
const code = "export const value = 1;\n";

/** Sibling features apart: a feature may import itself and the shared feature, no other feature. */
const featuresRule = [
  "kind: import",
  "from: src/features/{f}/**",
  'forbid: ["src/features/*/**"]',
  'allow: ["src/features/{f}/**", "src/features/shared/**"]',
  'ignore: ["**/*.test.ts"]',
  'message: "feature {f} must not import {specifier} ({target}) in {from}"',
  "fix: Move what both features need into src/features/shared and import it from there.",
  "examples:",
  '  bad: ["src/features/a/x.ts -> ../b/y", { file: src/features/a/x.ts, import: src/features/b/y.ts }]',
  '  good: ["src/features/a/x.ts -> ./y", "src/features/a/x.ts -> ../shared/log", "src/other/x.ts -> ../features/b/y"]',
].join("\n");

describe("import rule files: captures keep sibling features apart", () => {
  const dir = makeRepo({
    "AGENTS.md": "# Map\n",
    "guard.yaml": ["layers:", '  - { name: types, paths: ["src/types/**"] }', '  - { name: features, paths: ["src/features/**"] }', ""].join("\n"),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } } }),
    ".guard/rules/team/features-apart.yaml": featuresRule,
    "src/features/a/x.ts": [
      'import { value as sibling } from "../b/y";',
      'import { value as own } from "./y";',
      'import { value as shared } from "../shared/log";',
      'import { value as aliased } from "@/features/b/y";',
      'import type { Order } from "../../types/order";',
      "export const all = [sibling, own, shared, aliased];",
      "",
    ].join("\n"),
    "src/features/a/y.ts": [
      '// import { value } from "../b/y";',
      'const text = \'import { value } from "../b/y"\';',
      'export const doc = `require("../b/y")`;',
      "export const value = text;",
      "",
    ].join("\n"),
    "src/features/a/x.test.ts": 'import { value } from "../b/y";\nexport const checked = value;\n',
    "src/features/b/y.ts": 'import { value as own } from "./z";\nexport const value = own;\n',
    "src/features/b/z.ts": code,
    "src/features/shared/log.ts": code,
    // A barrel beside the feature folders is in no feature: `{f}` captures folders.
    "src/features/index.ts": 'export * from "./a/x";\nexport * from "./b/y";\n',
    // A folder name with glob syntax is captured literally: [id] must not match every one-letter folder.
    "src/features/[id]/page.ts": 'import { value } from "./y";\nimport { value as other } from "../b/y";\nexport const page = [value, other];\n',
    "src/features/[id]/y.ts": code,
    "src/types/order.ts": 'import { value } from "../features/b/y";\nexport interface Order { id: string }\nexport const order = value;\n',
    "src/other/x.ts": 'import { value } from "../features/b/y";\nexport const other = value;\n',
  });
  const report = checkJson(dir);

  it("fires on a relative or aliased import of a sibling feature, at the specifier, with {f}, {specifier}, {target} and {from}", () => {
    expect(findingsOf(report, FEATURES)).toEqual([
      { file: "src/features/[id]/page.ts", line: 2, column: 32, message: "feature [id] must not import ../b/y (src/features/b/y.ts) in src/features/[id]/page.ts" },
      { file: "src/features/a/x.ts", line: 1, column: 34, message: "feature a must not import ../b/y (src/features/b/y.ts) in src/features/a/x.ts" },
      { file: "src/features/a/x.ts", line: 4, column: 34, message: "feature a must not import @/features/b/y (src/features/b/y.ts) in src/features/a/x.ts" },
    ]);
    const [first, relative, aliased] = report.diagnostics.filter((d) => d.rule === FEATURES);
    expect(relative).toMatchObject({
      endLine: 1,
      endColumn: 42,
      fix: "Move what both features need into src/features/shared and import it from there.",
      docs: ".guard/rules/team/features-apart.yaml",
      evidence: { target: "src/features/b/y.ts" },
      related: [{ file: "src/features/b/y.ts", line: 1, column: 1, message: "the imported file" }],
    });
    expect(first!.evidence).toEqual({ target: "src/features/b/y.ts" });
    // The evidence names the target, not how the specifier is written, so a rewrite of the path keeps the fingerprint.
    expect(aliased!.evidence).toEqual(relative!.evidence);
  });

  it("is quiet on a feature's own files, the allowed shared feature, ignored tests, files outside `from` or beside the feature folders, and look-alikes in comments and strings", () => {
    const findings = findingsOf(report, FEATURES);
    // Own files (lines 2 and 3 of x.ts import ./y and ../shared/log), not only other files.
    expect(findings.filter((finding) => finding.file === "src/features/a/x.ts").map((finding) => finding.line)).toEqual([1, 4]);
    const quietFiles = ["src/features/a/y.ts", "src/features/a/x.test.ts", "src/features/b/y.ts", "src/features/index.ts", "src/other/x.ts", "src/types/order.ts"];
    expect(findings.filter((finding) => quietFiles.includes(finding.file))).toEqual([]);
  });

  it("shares the run's import graph with the arch rules: arch/layer reports in the same run", () => {
    expect(findingsOf(report, "arch/layer")).toEqual([
      { file: "src/types/order.ts", line: 1, column: 23, message: expect.stringContaining("types must not import from features") },
    ]);
    expect(report.code).toBe(1);
  });

  it("runs its examples in `guard rules test`, reading captures, relative imports and allow", () => {
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.stdout).toContain(`ok    ${FEATURES}  5 examples`);
    expect(run.code).toBe(0);
  });
});

const packagesRule = [
  "kind: import",
  'from: ["src/domain/**"]',
  'forbid: [moment, "@legacy/ui", "@old/*", fs, "node:child_process", "@acme/legacy", "lodash/fp/**"]',
  'allow: ["@old/keep"]',
  'message: "{from} must not depend on {target} ({specifier})"',
  "fix: Use the domain's own Clock and ports instead.",
].join("\n");

describe("import rule files: package names, scopes and built-ins", () => {
  const dir = makeRepo({
    "AGENTS.md": "# Map\n",
    "package.json": JSON.stringify({ name: "app", private: true, workspaces: ["packages/*"] }),
    "packages/legacy/package.json": JSON.stringify({ name: "@acme/legacy", main: "src/index.ts" }),
    "packages/legacy/src/index.ts": code,
    ".guard/rules/team/no-legacy-deps.yaml": packagesRule,
    "src/domain/order.ts": [
      'import moment from "moment";',
      'import "moment/locale/fr";',
      'import tz from "moment-timezone";',
      'import type { Moment } from "moment";',
      'import { Button } from "@legacy/ui/button";',
      'import { Kit } from "@legacy/ui-kit";',
      'import { Old } from "@old/thing";',
      'import { Keep } from "@old/keep";',
      'import { readFileSync } from "node:fs";',
      'import { readFile } from "fs/promises";',
      'import { join } from "node:path";',
      'const child = require("child_process");',
      'const legacy = () => import("@acme/legacy");',
      'import map from "lodash/fp/map";',
      'import { debounce } from "lodash";',
      "export const all = [moment, tz, Button, Kit, Old, Keep, readFileSync, readFile, join, child, legacy, map, debounce];",
      "export type When = Moment;",
      "",
    ].join("\n"),
    "src/ui/date.ts": 'import moment from "moment";\nexport const now = moment();\n',
  });
  const report = checkJson(dir, ["--only", PACKAGES]);

  it("fires on a forbidden package and its subpaths, scoped packages, built-ins written either way, type-only imports, require, import() and workspace packages", () => {
    expect(findingsOf(report, PACKAGES).map((finding) => [finding.line, finding.message])).toEqual([
      [1, "src/domain/order.ts must not depend on moment (moment)"],
      [2, "src/domain/order.ts must not depend on moment (moment/locale/fr)"],
      [4, "src/domain/order.ts must not depend on moment (moment)"],
      [5, "src/domain/order.ts must not depend on @legacy/ui (@legacy/ui/button)"],
      [7, "src/domain/order.ts must not depend on @old/thing (@old/thing)"],
      [9, "src/domain/order.ts must not depend on fs (node:fs)"],
      [10, "src/domain/order.ts must not depend on fs (fs/promises)"],
      [12, "src/domain/order.ts must not depend on child_process (child_process)"],
      [13, "src/domain/order.ts must not depend on packages/legacy/src/index.ts (@acme/legacy)"],
      [14, "src/domain/order.ts must not depend on lodash (lodash/fp/map)"],
    ]);
    const moment = report.diagnostics.find((d) => d.rule === PACKAGES && d.line === 2)!;
    expect(moment).toMatchObject({ column: 8, endColumn: 26, evidence: { target: "moment/locale/fr" } });
    expect(moment.related).toBeUndefined();
    expect(report.diagnostics.find((d) => d.line === 9)!.evidence).toEqual({ target: "fs" });
  });

  it("is quiet on look-alike names (moment-timezone, @legacy/ui-kit), allowed ones, other built-ins, and files outside `from`", () => {
    const lines = findingsOf(report, PACKAGES).map((finding) => finding.line);
    for (const quiet of [3, 6, 8, 11, 15]) expect(lines).not.toContain(quiet);
    expect(findingsOf(report, PACKAGES).every((finding) => finding.file === "src/domain/order.ts")).toBe(true);
  });
});

describe("import rule files: `files`, examples and `guard rules test`", () => {
  it("applies only to files matching both `from` and `files`", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/no-ui.yaml": [
        "kind: import",
        "from: src/**",
        'files: ["src/service/**"]',
        "forbid: src/ui",
        "message: service code must not import {target}",
        "fix: Pass what the service needs in as a parameter.",
      ].join("\n"),
      "src/ui/button.ts": code,
      "src/ui/page.ts": 'import { value } from "./button";\nexport const page = value;\n',
      "src/service/order.ts": 'import { value } from "../ui/button";\nexport const order = value;\n',
    });
    const report = checkJson(dir, ["--only", "team/no-ui"]);
    expect(findingsOf(report, "team/no-ui")).toEqual([
      { file: "src/service/order.ts", line: 1, column: 23, message: "service code must not import src/ui/button.ts" },
    ]);
  });

  it("reads several captures in one `from` glob, each one folder", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/apps-apart.yaml": [
        "kind: import",
        "from: apps/{app}/src/{f}/**",
        'forbid: ["apps/**"]',
        'allow: ["apps/{app}/src/{f}/**", "apps/{app}/src/shared/**"]',
        'message: "{app}/{f} must not import {target}"',
        "fix: Keep apps and features apart.",
      ].join("\n"),
      "apps/web/src/cart/total.ts": [
        'import { value as own } from "./sum";',
        'import { value as shared } from "../shared/money";',
        'import { value as feature } from "../orders/list";',
        'import { value as app } from "../../../admin/src/cart/sum";',
        "export const all = [own, shared, feature, app];",
        "",
      ].join("\n"),
      "apps/web/src/cart/sum.ts": code,
      "apps/web/src/shared/money.ts": code,
      "apps/web/src/orders/list.ts": code,
      "apps/admin/src/cart/sum.ts": code,
    });
    const report = checkJson(dir, ["--only", "team/apps-apart"]);
    expect(findingsOf(report, "team/apps-apart")).toEqual([
      { file: "apps/web/src/cart/total.ts", line: 3, column: 34, message: "web/cart must not import apps/web/src/orders/list.ts" },
      { file: "apps/web/src/cart/total.ts", line: 4, column: 30, message: "web/cart must not import apps/admin/src/cart/sum.ts" },
    ]);
  });

  it("fails `guard rules test` (exit 1) when a bad example does not fire or a good one fires, and says why", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/no-moment.yaml": [
        "kind: import",
        "from: src/domain/**",
        "forbid: moment",
        "message: no moment in the domain",
        "fix: Use the Clock.",
        "examples:",
        '  bad: ["src/domain/a.ts -> moment-timezone"]',
        '  good: ["src/domain/a.ts -> moment/locale/fr", "src/ui/a.ts -> moment"]',
      ].join("\n"),
    });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL  team/no-moment  .guard/rules/team/no-moment.yaml:7:9  bad example did not fire: src/domain/a.ts -> moment-timezone");
    expect(run.stdout).toContain("src/domain/a.ts imports `moment-timezone`, which no `forbid` entry names");
    expect(run.stdout).toContain("good example fired");
    expect(run.stdout).toContain("src/domain/a.ts imports `moment/locale/fr`, forbidden by `moment`");
    expect(run.stdout).not.toContain("src/ui/a.ts imports");
  });
});
