import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, GUARD_BIN, makeRepo, runGuard } from "../helpers/repo.js";
import { expectCleanAndTested, findingsAtRevision, findingsWith, history, learnYes } from "./learn-helpers.js";

/** The other inputs of `guard learn`: --from/--to, --diff (file and stdin), the direct forms, and usage errors. */

const BASE = {
  "guard.yaml": "extends: [recommended]\n",
  "AGENTS.md": "# Map\n\nDomain code lives in src/domain.\n",
};

const log = (extra: string) => `export function pay(amount: number): number {\n${extra}  return amount * 2;\n}\n`;

describe("guard learn --from/--to and --diff", () => {
  const repo = history(
    { ...BASE, "src/domain/pay.ts": log(""), "scripts/dev.ts": 'console.log("dev");\n' },
    { "src/domain/pay.ts": log('  console.log("paying", amount);\n') },
    { "src/domain/pay.ts": log("") },
  );

  it("--from <bad> --to <good> learns the same mistake", () => {
    const run = runGuard(repo.dir, ["learn", "--from", repo.bad, "--to", repo.fix, "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as { evidence: { bad: string; good: string }; proposals: { kind: string; rule: { pattern?: string } }[] };
    expect(plan.evidence).toMatchObject({ bad: repo.bad, good: repo.fix });
    expect(plan.proposals[0]).toMatchObject({ kind: "pattern" });
    expect(plan.proposals[0]!.rule.pattern).toMatch(/^console\.log\(/);
  });

  it("--diff <file> and --diff - read the fix as a patch and leave the index alone", () => {
    const { dir } = repo;
    const patch = execGit(dir, ["diff", "HEAD^", "HEAD"]);
    writeFileSync(join(dir, "fix.diff"), patch);
    const index = readFileSync(join(dir, ".git/index"));
    const fromFile = runGuard(dir, ["learn", "--diff", "fix.diff", "--dry-run"]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const plan = JSON.parse(fromFile.stdout) as { proposals: { kind: string; proof: { passed: boolean } }[] };
    expect(plan.proposals[0]).toMatchObject({ kind: "pattern", proof: { passed: true } });

    const stdin = spawnSync(process.execPath, [GUARD_BIN, "learn", "--diff", "-", "--yes"], { cwd: dir, input: patch, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(stdin.status, stdin.stderr).toBe(0);
    const source = /^wrote (.+)$/m.exec(stdin.stdout)![1]!;
    expect(readFileSync(join(dir, ".git/index")).equals(index)).toBe(true);
    const id = source.replace(/^\.guard\/rules\//, "").replace(/\.yaml$/, "");
    expect(findingsAtRevision(dir, repo.bad, source, id)).toEqual([expect.objectContaining({ file: "src/domain/pay.ts", line: 2, column: 3 })]);
    expect(findingsWith(dir, { "src/domain/refund.ts": 'export const refund = (n: number): number => {\n  console.log("refund", n);\n  return -n;\n};\n' }, id)).toEqual([
      expect.objectContaining({ file: "src/domain/refund.ts", line: 2 }),
    ]);
    expect(findingsWith(dir, { "scripts/seed.ts": 'console.log("seeding");\n' }, id)).toEqual([]);
  });
});

describe("guard learn: direct forms", () => {
  const files = {
    ...BASE,
    "src/domain/order.ts": "export const order = (id: string): string => id;\n",
    "src/ui/order.view.ts": 'import { order } from "../domain/order";\n\nexport const view = (): string => order("1");\n',
    "scripts/dump.ts": 'import { readFileSync } from "node:fs";\n\nconsole.log(readFileSync("x", "utf8"));\n',
  };

  it("--pattern --in writes a rule quiet on HEAD that catches the mistake only in its area", () => {
    const dir = makeRepo(files);
    const learned = learnYes(dir, ["--pattern", "console.log($$$)", "--in", "src/domain/**", "--message", "Domain code must not log to the console.", "--fix", "Return the value and let the caller log it.", "--note"]);
    expect(learned.id).toBe("learned/no-console-log-in-domain");
    // No AGENTS.md in src/domain: the root map gets a new Lessons section at its end.
    expect(readFileSync(join(dir, "AGENTS.md"), "utf8")).toBe(
      `${BASE["AGENTS.md"]}\n## Lessons\n\n- Domain code must not log to the console; return the value and let the caller log it (rule: [learned/no-console-log-in-domain](.guard/rules/learned/no-console-log-in-domain.yaml)).\n`,
    );
    expect(learned.rule).toMatchObject({ kind: "pattern", files: ["src/domain/**"], pattern: "console.log($$$)", message: "Domain code must not log to the console." });
    expectCleanAndTested(dir, learned.id);
    expect(findingsWith(dir, { "src/domain/audit.ts": 'export const audit = (): void => {\n  console.log("audit");\n};\n' }, learned.id)).toEqual([
      expect.objectContaining({ file: "src/domain/audit.ts", line: 2, column: 3, message: "Domain code must not log to the console." }),
    ]);
    expect(findingsWith(dir, { "src/ui/debug.ts": 'console.log("ui");\n' }, learned.id)).toEqual([]);
  });

  it("says when a direct rule's glob matches no committed file yet", () => {
    const dir = makeRepo(files);
    const learned = learnYes(dir, ["--place", "**/*.repo.ts", "--in", "src/repos/**", "--message", "Repositories belong in src/repos.", "--fix", "Move the file under src/repos/."]);
    expect(learned.run.stderr).toContain("guard learn: note: `**/*.repo.ts` matches no committed file yet");
    expect(findingsWith(dir, { "src/ui/cart.repo.ts": "export const cart = 1;\n" }, learned.id)).toEqual([expect.objectContaining({ file: "src/ui/cart.repo.ts" })]);
  });

  it("--forbid-import and --place write rules that fire on a fresh mistake", () => {
    const dir = makeRepo(files);
    const imports = learnYes(dir, ["--forbid-import", "node:fs", "--in", "src/domain/**", "--message", "Domain code must not touch the file system.", "--fix", "Take the data as a parameter."]);
    expect(imports.rule).toMatchObject({ kind: "import", from: ["src/domain/**"], forbid: ["node:fs"] });
    const places = learnYes(dir, ["--place", "**/*.view.ts", "--in", "src/ui/**", "--message", "Views belong in src/ui.", "--fix", "Move the file under src/ui/."]);
    expect(places.rule).toMatchObject({ kind: "placement", match: ["**/*.view.ts"], in: ["src/ui/**"] });
    expect(places.run.stderr).toBe("");
    expectCleanAndTested(dir, imports.id);
    expect(findingsWith(dir, { "src/domain/load.ts": 'import { readFileSync } from "fs";\n\nexport const load = (): string => readFileSync("a", "utf8");\n' }, imports.id)).toEqual([
      expect.objectContaining({ file: "src/domain/load.ts", line: 1 }),
    ]);
    expect(findingsWith(dir, { "src/domain/cart.view.ts": "export const cart = 1;\n" }, places.id)).toEqual([expect.objectContaining({ file: "src/domain/cart.view.ts", line: 1 })]);
    expect(findingsWith(dir, { "src/ui/cart.view.ts": "export const cart = 1;\n" }, places.id)).toEqual([]);
  });

  it("a direct rule that already fires on HEAD is not written: exit 1 with the places", () => {
    const dir = makeRepo(files);
    const run = runGuard(dir, ["learn", "--pattern", "console.log($$$)", "--message", "No console.", "--fix", "Use the logger.", "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("scripts/dump.ts:3");
    expect(existsSync(join(dir, ".guard"))).toBe(false);
  });
});

describe("guard learn: usage errors exit 2", () => {
  const dir = makeRepo({ ...BASE, "src/domain/a.ts": "export const a = 1;\n" });
  const cases: [string, string[], RegExp][] = [
    ["no input", ["--yes"], /needs an input/],
    ["two inputs", ["--commit", "HEAD", "--pattern", "x", "--yes"], /one input at a time, got --commit and --pattern/],
    ["a direct form without --message/--fix", ["--pattern", "debugger", "--yes"], /--pattern needs --message and --fix/],
    ["--forbid-import without --in", ["--forbid-import", "moment", "--message", "m", "--fix", "f", "--yes"], /--forbid-import needs --in/],
    ["--in with --commit", ["--commit", "HEAD", "--in", "src/**", "--yes"], /--in goes with --pattern/],
    ["--from without --to", ["--from", "HEAD", "--yes"], /--from and --to go together/],
    ["neither --yes nor --dry-run without a terminal", ["--commit", "HEAD"], /needs --yes or --dry-run/],
    ["an unknown revision", ["--commit", "nope", "--yes"], /cannot resolve revision "nope"/],
  ];
  it.each(cases)("%s", (_name, args, message) => {
    const run = runGuard(dir, ["learn", ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, ".guard"))).toBe(false);
  });
});

describe("guard learn: never writes outside the repository", () => {
  it("refuses a rule dir that leads out through a symlink, creating nothing there", () => {
    const outside = makeRepo({ "README.md": "elsewhere\n" }, { git: false });
    const dir = makeRepo({ ...BASE, "src/domain/a.ts": "export const a = 1;\n" });
    symlinkSync(outside, join(dir, ".guard"));
    const run = runGuard(dir, ["learn", "--pattern", "debugger", "--message", "No debugger.", "--fix", "Remove it.", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("would be written outside the repository");
    expect(readdirSync(outside)).toEqual(["README.md"]);
  });

  it("writes the rule but not a lesson into an AGENTS.md that is a symlink out of the repository", () => {
    const outside = makeRepo({ "AGENTS.md": "# Elsewhere\n" }, { git: false });
    const dir = makeRepo({ "guard.yaml": "extends: [recommended]\n", "src/domain/a.ts": "export const a = 1;\n" });
    symlinkSync(join(outside, "AGENTS.md"), join(dir, "AGENTS.md"));
    const run = runGuard(dir, ["learn", "--pattern", "debugger", "--in", "src/domain/**", "--message", "No debugger.", "--fix", "Remove it.", "--yes", "--note"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("AGENTS.md is not a file inside the repository");
    expect(readFileSync(join(outside, "AGENTS.md"), "utf8")).toBe("# Elsewhere\n");
    expect(existsSync(join(dir, ".guard/rules/learned/no-debugger-in-domain.yaml"))).toBe(true);
  });
});
