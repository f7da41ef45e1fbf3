import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { STACK_TRACE } from "./support.js";

/** A placement rule (src/**\/*.ts must live in src/lib) with the given examples lines. */
const rule = (examples: string[]) =>
  ["kind: placement", 'match: ["src/**/*.ts"]', "in: [src/lib]", "message: Code outside src/lib", "fix: Move it into src/lib.", ...examples].join("\n") + "\n";

const good = rule(["examples:", "  bad: [src/utils/date.ts, src/x/y.ts]", "  good:", "    - src/lib/date.ts", "    - docs/readme.md"]);

interface JsonResult {
  version: number;
  rules: { id: string; source: string; examples: { kind: string; line: number; column: number; example: string; passed: boolean; detail: string }[] }[];
  summary: { rules: number; examples: number; passed: number; failed: number; withoutExamples: number };
}

describe("guard rules test", () => {
  it("passes (exit 0) when every bad example fires and every good one stays quiet, and says so", () => {
    const dir = makeRepo({ ".guard/rules/learned/no-utils.yaml": good });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("ok    learned/no-utils  4 examples\n\n1 rule, 4/4 examples passed (all passed)\n");
  });

  it("fails (exit 1) on a bad example that does not fire and a good one that fires, naming the rule, the place and what happened", () => {
    const wrong = rule(["examples:", "  bad:", "    - src/lib/date.ts", "  good: [src/utils/date.ts]"]);
    const dir = makeRepo({ ".guard/rules/learned/no-utils.yaml": wrong, ".guard/rules/team/fine.yaml": good });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "FAIL  learned/no-utils  .guard/rules/learned/no-utils.yaml:8:7  bad example did not fire: src/lib/date.ts",
        "      src/lib/date.ts is under an `in` glob",
        "FAIL  learned/no-utils  .guard/rules/learned/no-utils.yaml:9:10  good example fired: src/utils/date.ts",
        "      src/utils/date.ts matches `match` and is not under any `in` glob",
        "ok    team/fine  4 examples",
        "",
        "2 rules, 4/6 examples passed (2 failed)",
        "",
      ].join("\n"),
    );

    // Only the named rule (by id, then by path from a subfolder): the passing one alone exits 0.
    expect(runGuard(dir, ["rules", "test", "team/fine"]).code).toBe(0);
    const json = runGuard(`${dir}/.guard`, ["rules", "test", "--format", "json", "rules/learned/no-utils.yaml"]);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as JsonResult;
    expect(result.version).toBe(1);
    expect(result.rules).toEqual([
      {
        id: "learned/no-utils",
        source: ".guard/rules/learned/no-utils.yaml",
        examples: [
          { kind: "bad", line: 8, column: 7, example: "src/lib/date.ts", passed: false, detail: "src/lib/date.ts is under an `in` glob" },
          { kind: "good", line: 9, column: 10, example: "src/utils/date.ts", passed: false, detail: "src/utils/date.ts matches `match` and is not under any `in` glob" },
        ],
      },
    ]);
    expect(result.summary).toEqual({ rules: 1, examples: 2, passed: 0, failed: 2, withoutExamples: 0 });
  });

  it("reports a rule without examples, without failing the run", () => {
    const dir = makeRepo({ ".guard/rules/learned/no-utils.yaml": good, ".guard/rules/untested.yaml": rule([]) });
    const run = runGuard(dir, ["rules", "test"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warn  untested  \.guard\/rules\/untested\.yaml: no examples, so nothing proves it fires/m);
    expect(run.stdout).toMatch(/2 rules, 4\/4 examples passed \(all passed\), 1 rule without examples\n$/);
    const json = JSON.parse(runGuard(dir, ["rules", "test", "--format", "json", "untested"]).stdout) as JsonResult;
    expect(json.rules).toEqual([{ id: "untested", source: ".guard/rules/untested.yaml", examples: [] }]);
    expect(json.summary.withoutExamples).toBe(1);
  });

  it("exits 2 on a malformed rule file and on a rule id that does not exist", () => {
    const dir = makeRepo({ ".guard/rules/learned/no-utils.yaml": good, ".guard/rules/broken.yaml": "kind: placement\nmatch: [a]\nmessage: m\nfix: f\n" });
    const broken = runGuard(dir, ["rules", "test"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^guard: \.guard\/rules\/broken\.yaml:1:1: a placement rule needs `in:`/);
    expect(broken.stderr).not.toMatch(STACK_TRACE);

    const clean = makeRepo({ ".guard/rules/learned/no-utils.yaml": good });
    const unknown = runGuard(clean, ["rules", "test", "learned/no-util"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^guard: no rule file "learned\/no-util"\n[\s\S]*did you mean "learned\/no-utils"\?/);
  });
});
