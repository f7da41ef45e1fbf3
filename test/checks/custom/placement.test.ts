import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo } from "../../helpers/repo.js";

const RULE = "team/no-utils";

/** A placement rule: TypeScript under src/ must live in src/lib or src/features; tests are exempt. */
const ruleFile = (extra = "") =>
  [
    "kind: placement",
    'match: ["src/**/*.ts"]',
    "in: [src/lib, \"src/features/**\"]",
    'ignore: ["**/*.test.ts"]',
    "message: \"{file} is outside src/lib and src/features\"",
    "fix: Move the file into src/lib (shared code) or into its feature folder.",
    extra,
  ].join("\n");

const code = "export const value = 1;\n";

describe("placement rule files", () => {
  it("fires at line 1 of each file outside `in`, and is quiet on files inside it, ignored ones and other types", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/no-utils.yaml": ruleFile(),
      "src/utils/date.ts": code,
      "src/utils/deep/format.ts": code,
      "src/lib/date.ts": code,
      "src/features/orders/cancel.ts": code,
      "src/utils/date.test.ts": code,
      "src/utils/readme.md": "# utils\n",
      "scripts/build.ts": code,
    });
    const report = checkJson(dir, ["--only", RULE]);
    expect(report.code).toBe(1);
    expect(findingsOf(report, RULE)).toEqual([
      { file: "src/utils/date.ts", line: 1, column: 1, message: "src/utils/date.ts is outside src/lib and src/features" },
      { file: "src/utils/deep/format.ts", line: 1, column: 1, message: "src/utils/deep/format.ts is outside src/lib and src/features" },
    ]);
    const first = report.diagnostics[0]!;
    expect(first.fix).toBe("Move the file into src/lib (shared code) or into its feature folder.");
    expect(first.docs).toBe(".guard/rules/team/no-utils.yaml");
    expect(first.evidence).toEqual({ file: "src/utils/date.ts" });
  });

  it("is quiet when every matching file lives where it should, and honours `files`", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/no-utils.yaml": ruleFile('files: ["src/server/**"]'),
      "src/lib/date.ts": code,
      "src/client/helpers.ts": code,
    });
    const report = checkJson(dir, ["--only", RULE]);
    expect(report.code).toBe(0);
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
