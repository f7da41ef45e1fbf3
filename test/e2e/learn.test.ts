import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, runGuard } from "../helpers/repo.js";
import { expectCleanAndTested, findingsAtRevision, findingsWith, history, learnYes } from "./learn-helpers.js";

/**
 * `guard learn --commit <fix>` on code mistakes (issue 5, "Done when"): each scenario is a real
 * history clean → bad agent commit → fix. The learned rule must fire on the bad revision at the
 * removed line, be quiet at HEAD, catch a fresh variant of the mistake in another file of the
 * same area, and stay quiet on a legitimate use of the same construct elsewhere.
 */

const BASE = {
  "guard.yaml": "extends: [recommended]\n",
  "AGENTS.md": "# Map\n\nDomain code lives in src/domain; scripts in scripts.\n",
};

describe("guard learn: debugger left in domain code", () => {
  const total = (extra: string) =>
    `export function total(prices: number[]): number {\n  let sum = 0;\n${extra}  for (const price of prices) sum += price;\n  return sum;\n}\n`;
  const repo = history(
    {
      ...BASE,
      "src/domain/order.ts": total(""),
      "src/domain/price.ts": "export const vat = (net: number): number => net * 0.2;\n",
      "scripts/inspect.ts": "export function inspect(value: unknown): unknown {\n  debugger;\n  return value;\n}\n",
    },
    { "src/domain/order.ts": total("  debugger;\n") },
    { "src/domain/order.ts": total("") },
  );

  it("learns a rule that fires on the mistake and leaves the work tree and the index as they were", () => {
    const { dir } = repo;
    // A dirty work tree and a staged change, both of which learn must leave alone.
    writeFileSync(join(dir, "src/domain/price.ts"), "export const vat = (net: number): number => net * 0.2;\nexport const rate = 0.2;\n");
    writeFileSync(join(dir, "scripts/inspect.ts"), "export function inspect(value: unknown): unknown {\n  debugger;\n  return value ?? null;\n}\n");
    execGit(dir, ["add", "scripts/inspect.ts"]);
    const statusBefore = execGit(dir, ["status", "--porcelain"]);
    const indexBefore = readFileSync(join(dir, ".git/index"));
    const priceBefore = readFileSync(join(dir, "src/domain/price.ts"));

    const learned = learnYes(dir);
    expect(learned.run.stdout).toMatch(/^rules test: \d+\/\d+ examples? passed$/m);
    expect(learned.source).toBe(`.guard/rules/${learned.id}.yaml`);
    expect(learned.id).toMatch(/^learned\/no-debugger/);
    expect(learned.rule.kind).toBe("pattern");

    expect(execGit(dir, ["status", "--porcelain"])).toBe(`${statusBefore}?? .guard/\n`);
    expect(readFileSync(join(dir, ".git/index")).equals(indexBefore)).toBe(true);
    expect(readFileSync(join(dir, "src/domain/price.ts")).equals(priceBefore)).toBe(true);

    expect(findingsAtRevision(dir, repo.bad, learned.source, learned.id)).toEqual([
      expect.objectContaining({ file: "src/domain/order.ts", line: 3, column: 3 }),
    ]);
    expectCleanAndTested(dir, learned.id);

    const fresh = findingsWith(dir, { "src/domain/invoice.ts": "export function invoice(amount: number): number {\n  if (amount < 0) {\n    debugger;\n  }\n  return amount;\n}\n" }, learned.id);
    expect(fresh).toEqual([expect.objectContaining({ file: "src/domain/invoice.ts", line: 3, column: 5 })]);
    const legit = findingsWith(dir, { "scripts/trace.ts": "export function trace(): void {\n  debugger;\n}\n" }, learned.id);
    expect(legit).toEqual([]);
  });
});

describe("guard learn: a deprecated date library call replaced by the native one", () => {
  const due = (moment: boolean) =>
    moment
      ? 'import moment from "moment";\n\nconst DAY = 24 * 60 * 60 * 1000;\n\nexport function dueDate(ordered: Date): Date {\n  return moment(ordered).add(7, "days").toDate();\n}\n'
      : "const DAY = 24 * 60 * 60 * 1000;\n\nexport function dueDate(ordered: Date): Date {\n  return new Date(ordered.getTime() + 7 * DAY);\n}\n";
  const repo = history(
    {
      ...BASE,
      "package.json": '{ "name": "shop", "private": true, "dependencies": { "moment": "^2.30.0" } }\n',
      "src/domain/due.ts": due(false),
      "scripts/report.ts": 'import moment from "moment";\n\nconsole.log(moment().format("YYYY-MM-DD"));\n',
    },
    { "src/domain/due.ts": due(true) },
    { "src/domain/due.ts": due(false) },
  );

  it("--dry-run prints proven proposals and writes nothing", () => {
    const status = execGit(repo.dir, ["status", "--porcelain"]);
    const run = runGuard(repo.dir, ["learn", "--commit", "HEAD", "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      version: number;
      evidence: { bad: string; good: string; label: string; subject: string };
      proposals: { kind: string; id: string; rule: Record<string, unknown>; label: string; proof: { passed: boolean; firesAtMistake: boolean; bad: number; good: number; head: number } }[];
      chosen: string;
    };
    expect(plan.version).toBe(1);
    expect(plan.evidence).toMatchObject({ bad: repo.bad, good: repo.fix, subject: "Fix the agent's mistake" });
    expect(plan.proposals.length).toBeGreaterThan(0);
    for (const proposal of plan.proposals) {
      expect(proposal.proof).toMatchObject({ passed: true, firesAtMistake: true, good: 0, head: 0 });
      expect(proposal.proof.bad).toBeGreaterThan(0);
      expect(proposal.rule).toMatchObject({ id: proposal.id, kind: proposal.kind });
    }
    expect(plan.chosen).toBe(plan.proposals[0]!.id);
    expect(execGit(repo.dir, ["status", "--porcelain"])).toBe(status);
    expect(existsSync(join(repo.dir, ".guard"))).toBe(false);
  });

  it("learns a rule for src/domain that leaves scripts alone", () => {
    const { dir } = repo;
    const learned = learnYes(dir);
    expect(learned.id).toMatch(/moment/);
    const atBad = findingsAtRevision(dir, repo.bad, learned.source, learned.id);
    expect(atBad.length).toBeGreaterThan(0);
    for (const finding of atBad) {
      expect(finding.file).toBe("src/domain/due.ts");
      expect([1, 6]).toContain(finding.line);
    }
    expectCleanAndTested(dir, learned.id);

    const fresh = findingsWith(dir, { "src/domain/renewal.ts": 'import moment from "moment";\n\nexport const renewal = (start: Date): Date => moment(start).add(1, "year").toDate();\n' }, learned.id);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((finding) => finding.file === "src/domain/renewal.ts")).toBe(true);
    const legit = findingsWith(dir, { "scripts/export.ts": 'import moment from "moment";\n\nexport const stamp = (): string => moment().format("YYYY");\n' }, learned.id);
    expect(legit).toEqual([]);
  });
});

describe("guard learn: a banned package import swapped for a local helper", () => {
  const greet = (from: string) => `import { capitalize } from "${from}";\n\nexport const greet = (name: string): string => \`Hello, \${capitalize(name)}\`;\n`;
  const repo = history(
    {
      ...BASE,
      "src/lib/strings.ts": "export function capitalize(text: string): string {\n  return text.charAt(0).toUpperCase() + text.slice(1);\n}\n",
      "src/app/greet.ts": greet("../lib/strings"),
      "tools/build.ts": 'import { kebabCase } from "lodash";\n\nexport const slug = (name: string): string => kebabCase(name);\n',
    },
    { "src/app/greet.ts": greet("lodash") },
    { "src/app/greet.ts": greet("../lib/strings") },
  );

  it("learns an import rule that forbids the package in product code, not in tools", () => {
    const { dir } = repo;
    const learned = learnYes(dir);
    expect(learned.rule.kind).toBe("import");
    expect(learned.rule.forbid).toEqual(["lodash"]);
    // Only the module specifier changed: the fix names the module that replaced the package.
    expect(learned.rule.fix).toMatch(/^Import `src\/lib\/strings\.ts` instead of `lodash`/);
    expect(findingsAtRevision(dir, repo.bad, learned.source, learned.id)).toEqual([
      expect.objectContaining({ file: "src/app/greet.ts", line: 1 }),
    ]);
    expectCleanAndTested(dir, learned.id);

    const menu = 'import { upperFirst } from "lodash";\n\nexport const menu = (item: string): string => upperFirst(item);\n';
    const fresh = findingsWith(dir, { "src/app/menu.ts": menu }, learned.id);
    expect(fresh).toEqual([expect.objectContaining({ file: "src/app/menu.ts", line: 1, column: menu.indexOf('"') + 1 })]);
    const legit = findingsWith(dir, { "tools/release.ts": 'import { camelCase } from "lodash";\n\nexport const name = (text: string): string => camelCase(text);\n' }, learned.id);
    expect(legit).toEqual([]);
  });
});

describe("guard learn: a JavaScript repo whose fix swaps one required package for another", () => {
  const stamp = (pkg: string) => `const time = require("${pkg}");\n\nfunction stamp(order, { zone }, format = "YYYY", ...rest) {\n  return time(order.date).format(format) + zone + rest.length;\n}\n\nmodule.exports = { stamp };\n`;
  const repo = history(
    { ...BASE, "src/orders/stamp.js": stamp("dayjs"), "scripts/migrate.js": 'const moment = require("moment");\n\nmodule.exports = () => moment().year();\n' },
    { "src/orders/stamp.js": stamp("moment") },
    { "src/orders/stamp.js": stamp("dayjs") },
  );

  it("learns an import rule forbidding the old package (JavaScript parameters parse), and a value-only fix exits 1", () => {
    const { dir } = repo;
    const learned = learnYes(dir);
    // scripts/ may keep moment: the rule over every file ignores it (narrow.ts), it does not drop to the file.
    expect(learned.rule).toMatchObject({ kind: "import", forbid: ["moment"], from: [], ignore: ["scripts/**"] });
    expect(learned.rule.fix).toMatch(/^Import `dayjs` instead of `moment`/);
    expect(findingsAtRevision(dir, repo.bad, learned.source, learned.id)).toEqual([expect.objectContaining({ file: "src/orders/stamp.js", line: 1 })]);
    expectCleanAndTested(dir, learned.id);
    const fresh = 'const moment = require("moment");\n\nmodule.exports = (order) => moment(order.date).week();\n';
    expect(findingsWith(dir, { "src/orders/week.js": fresh }, learned.id)).toEqual([expect.objectContaining({ file: "src/orders/week.js", line: 1 })]);
    expect(findingsWith(dir, { "scripts/seed.js": fresh }, learned.id)).toEqual([]);

    // A later fix that only rewords a log message: nothing to learn, exit 1 with the reason, no crash.
    writeFileSync(join(dir, "src/orders/log.js"), 'function log(order) {\n  console.log("saved", order.id);\n}\nmodule.exports = { log };\n');
    execGit(dir, ["add", "-A"]);
    execGit(dir, ["commit", "-qm", "log"]);
    writeFileSync(join(dir, "src/orders/log.js"), 'function log(order) {\n  console.log("order saved", order.id);\n}\nmodule.exports = { log };\n');
    execGit(dir, ["commit", "-qam", "Reword the log"]);
    const nothing = runGuard(dir, ["learn", "--commit", "HEAD", "--yes"]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^guard learn: no rule could be proven: nothing to learn: src\/orders\/log\.js:2: the fix only changed a value/);
  });
});

describe("guard learn: nothing learnable", () => {
  it("exits 1 with the reason when the fix only changed a number, and writes nothing", () => {
    const repo = history(
      { ...BASE, "src/domain/limits.ts": "export const LIMIT = 10;\n" },
      { "src/domain/limits.ts": "export const LIMIT = 1000;\n" },
      { "src/domain/limits.ts": "export const LIMIT = 20;\n" },
    );
    const status = execGit(repo.dir, ["status", "--porcelain"]);
    const run = runGuard(repo.dir, ["learn", "--commit", "HEAD", "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guard learn: no rule could be proven: .+/);
    expect(run.stdout).toBe("");
    expect(execGit(repo.dir, ["status", "--porcelain"])).toBe(status);
    expect(existsSync(join(repo.dir, ".guard"))).toBe(false);
  });
});
