import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `export const line${i + 1} = ${i};`).join("\n") + "\n";

describe("code/max-lines", () => {
  it("fires on a code file longer than maxFileLines, at the first line over, without layers", () => {
    const { report, findings } = checkRule({ "guard.yaml": "maxFileLines: 10\n", "src/big.ts": lines(12), "lib/big.mjs": lines(11) }, "code/max-lines");
    expect(findings).toEqual([
      { file: "lib/big.mjs", line: 11, column: 1, message: "lib/big.mjs has 11 lines; a code file may have at most 10" },
      { file: "src/big.ts", line: 11, column: 1, message: "src/big.ts has 12 lines; a code file may have at most 10" },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({ max: 10 });
    expect(report.diagnostics[0]!.fix).toContain("until each file is at most 10 lines");
  });

  it("stays quiet at exactly the limit and on long non-code files", () => {
    const { findings } = checkRule(
      { "guard.yaml": "maxFileLines: 10\n", "src/ok.ts": lines(10), "data.json": lines(40), "notes.txt": lines(40) },
      "code/max-lines",
    );
    expect(findings).toEqual([]);
  });

  it("is off when maxFileLines is 0 (the default)", () => {
    const { findings } = checkRule({ "src/big.ts": lines(5000) }, "code/max-lines");
    expect(findings).toEqual([]);
  });
});
