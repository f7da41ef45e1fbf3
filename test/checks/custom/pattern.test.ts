import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, execGit, findingsOf, makeRepo, runGuard, writeFiles, type JsonReport } from "../../helpers/repo.js";

/** A rule file of kind pattern, as YAML lines. */
const rule = (...lines: string[]) => `kind: pattern\n${lines.join("\n")}\n`;

const rules = {
  "guard.yaml": "{}\n",
  ".guard/rules/team/no-console.yaml": rule(
    "pattern: console.log($$$ARGS)",
    'ignore: ["**/*.test.ts"]',
    'message: "console.log({$$$ARGS}) is left in"',
    "fix: Use the logger from src/log.ts.",
  ),
  ".guard/rules/team/no-any-cast.yaml": rule("pattern: $VALUE as any", 'message: "{$VALUE} is cast to any"', "fix: Type it."),
  // rule object with `inside`: a debugger inside a function, only in src/domain.
  ".guard/rules/team/no-debugger-in-domain.yaml": rule(
    'files: ["src/domain/**"]',
    "rule:",
    "  kind: debugger_statement",
    "  inside: { kind: function_declaration, stopBy: end }",
    "message: A debugger statement is left in a domain function.",
    "fix: Remove it.",
  ),
  // `not`: JSON.parse outside a try block.
  ".guard/rules/team/json-parse-outside-try.yaml": rule(
    "rule:",
    "  pattern: JSON.parse($TEXT)",
    "  not: { inside: { kind: try_statement, stopBy: end } }",
    'message: "JSON.parse({$TEXT}) can throw outside try"',
    "fix: Wrap it in try/catch.",
  ),
  // `has`: a throw statement whose direct child is a string literal.
  ".guard/rules/team/no-throw-literal.yaml": rule(
    "rule: { kind: throw_statement, has: { kind: string } }",
    "message: A string is thrown.",
    "fix: Throw an Error.",
  ),
  // A JSX pattern: not valid TypeScript, so it runs on .tsx, .jsx and .js files only.
  ".guard/rules/team/img-alt.yaml": rule(
    "rule:",
    "  pattern: <img $$$PROPS />",
    "  not: { has: { kind: jsx_attribute, has: { kind: property_identifier, regex: ^alt$ } } }",
    'message: "<img {$$$PROPS} /> has no alt text"',
    "fix: Add an alt attribute.",
  ),
};

const code = {
  "src/app.ts": [
    "const user = { id: 1 };",
    "console.log(user,",
    '  "loaded");',
    '// console.log("a comment is not code")',
    'const note = "console.log(user) in a string is not code";',
    "const raw = (user as any).raw;",
    "const typed = user as unknown;",
    "",
  ].join("\n"),
  "src/app.test.ts": 'console.log("tests may log");\n',
  "src/domain/order.ts": [
    "export function cancel(order: { id: number }): void {",
    "  if (order.id) {",
    "    debugger;",
    "  }",
    "}",
    "debugger;",
    "",
  ].join("\n"),
  "src/ui/panel.ts": "export function open(): void {\n  debugger;\n}\n",
  "src/config.ts": [
    "export function load(text: string): unknown {",
    "  try {",
    "    return JSON.parse(text);",
    "  } catch {",
    '    throw new Error("bad config");',
    "  }",
    "}",
    "export const fallback = JSON.parse('{}');",
    'export function fail(): never {\n  throw "boom";\n}',
    "",
  ].join("\n"),
  "src/ui/photo.tsx": 'export const Photo = () => <div><img src="a.png" /><img src="b.png" alt="b" /></div>;\n',
  "src/legacy/widget.jsx": "export const Logo = () => <img src={logo} />;\n",
  "src/legacy/boot.js": "console.log('boot');\n",
  "src/legacy/boot.mjs": "const x = 1;\n",
};

function run(files: Record<string, string | Buffer>): JsonReport {
  return checkJson(makeRepo({ ...rules, ...files }), ["--only", "team"]);
}

describe("pattern rule files", () => {
  const report = run(code);
  const of = (id: string) => findingsOf(report, `team/${id}`);

  it("fires on a pattern string with $$$ARGS, shows it in the message, and ignores strings, comments and ignored files", () => {
    expect(of("no-console")).toEqual([
      { file: "src/app.ts", line: 2, column: 1, message: 'console.log(user, "loaded") is left in' },
      { file: "src/legacy/boot.js", line: 1, column: 1, message: "console.log('boot') is left in" },
    ]);
    const diagnostic = report.diagnostics.find((d) => d.rule === "team/no-console")!;
    expect(diagnostic).toMatchObject({ endLine: 3, endColumn: 12, evidence: { match: 'console.log(user, "loaded")' } });
  });

  it("shows a single metavariable ({$VALUE}) and stays quiet on other casts", () => {
    expect(of("no-any-cast")).toEqual([{ file: "src/app.ts", line: 6, column: 14, message: "user is cast to any" }]);
  });

  it("rule object with inside: fires in a function in src/domain, not at top level nor outside files", () => {
    expect(of("no-debugger-in-domain")).toEqual([
      { file: "src/domain/order.ts", line: 3, column: 5, message: "A debugger statement is left in a domain function." },
    ]);
  });

  it("rule object with not: fires outside try, quiet inside", () => {
    expect(of("json-parse-outside-try")).toEqual([
      { file: "src/config.ts", line: 8, column: 25, message: "JSON.parse('{}') can throw outside try" },
    ]);
  });

  it("rule object with has: fires on a thrown string, quiet on a thrown Error", () => {
    expect(of("no-throw-literal")).toEqual([{ file: "src/config.ts", line: 10, column: 3, message: "A string is thrown." }]);
  });

  it("runs a JSX pattern on .tsx and .jsx files, with not/has on attributes", () => {
    expect(of("img-alt")).toEqual([
      { file: "src/legacy/widget.jsx", line: 1, column: 27, message: "<img src={logo} /> has no alt text" },
      { file: "src/ui/photo.tsx", line: 1, column: 33, message: '<img src="a.png" /> has no alt text' },
    ]);
  });

  it("skips binary and huge files without a crash", () => {
    const huge = `${"export const filler = 1;\n".repeat(45_000)}console.log("huge");\n`;
    const odd = run({
      "src/blob.ts": Buffer.concat([Buffer.from("console.log(1);\n"), Buffer.from([0, 1, 2, 0])]),
      "src/bundle.js": huge,
      "src/ok.ts": "console.log(2);\n",
    });
    expect(findingsOf(odd, "team/no-console")).toEqual([{ file: "src/ok.ts", line: 1, column: 1, message: "console.log(2) is left in" }]);
  });

  it("is quiet on a repo without matches", () => {
    const quiet = run({ "src/clean.ts": "export const clean = (value: unknown) => String(value);\n" });
    expect(quiet.diagnostics).toEqual([]);
    expect(quiet.summary.errors).toBe(0);
  });
});

describe("invalid pattern rule files", () => {
  const dir = makeRepo({
    "guard.yaml": "{}\n",
    "src/a.ts": "export const a = 1;\n",
    ".guard/rules/broken-pattern.yaml": rule("message: m", "fix: f", 'pattern: "foo(("'),
    ".guard/rules/broken-kind.yaml": rule("message: m", "fix: f", "rule:", "  kind: call_expresion"),
    ".guard/rules/fine.yaml": rule("message: m", "fix: f", "pattern: foo($A)"),
  });

  it("exits 2 naming the rule file, the line of its pattern, and what is wrong", () => {
    const broken = runGuard(dir, ["check", "--only", "broken-pattern"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(".guard/rules/broken-pattern.yaml:4:1: rule broken-pattern: invalid pattern");
    expect(broken.stderr).toContain("expected: an ast-grep pattern");
    expect(broken.stderr).toContain("suggestion:");
  });

  it("exits 2 with ast-grep's own words on an invalid rule object", () => {
    const kind = runGuard(dir, ["check", "--only", "broken-kind"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain(".guard/rules/broken-kind.yaml:4:1: rule broken-kind: invalid ast-grep rule: ast-grep says:");
    expect(kind.stderr).toContain("call_expresion");
    expect(kind.stderr).not.toContain("internal error");
  });

  it("a broken rule file does not stop a run that does not select it", () => {
    expect(runGuard(dir, ["check", "--only", "fine"]).code).toBe(0);
  });
});

describe("examples of pattern rule files (guard rules test)", () => {
  it("runs bad and good snippets: JSX snippets as TSX, a file outside `files` stays quiet", () => {
    const dir = makeRepo({
      "guard.yaml": "{}\n",
      ".guard/rules/no-moment.yaml": rule(
        "pattern: moment($$$ARGS)",
        'files: ["src/domain/**"]',
        "message: m",
        "fix: f",
        "examples:",
        "  bad:",
        "    - \"const due = moment(order.date).add(7, 'days');\"",
        "    - { file: src/domain/a.tsx, code: 'const A = () => <p>{moment(x).format()}</p>;' }",
        "  good:",
        "    - const due = addDays(clock.now(), 7);",
        "    - { file: src/ui/b.ts, code: 'moment(x);' }",
        '    - "// moment(x) in a comment"',
      ),
      ".guard/rules/jsx-button.yaml": rule(
        "pattern: <button $$$PROPS />",
        "message: m",
        "fix: f",
        "examples:",
        "  bad: ['const B = () => <button type=\"submit\" />;']",
        "  good: ['const b = document.createElement(\"button\");']",
      ),
      ".guard/rules/wrong-example.yaml": rule("pattern: eval($A)", "message: m", "fix: f", "examples:", "  bad: ['run(code);']", "  good: ['safe(code);']"),
    });
    const passing = runGuard(dir, ["rules", "test", "no-moment", "jsx-button"]);
    expect(passing.stdout + passing.stderr).not.toContain("FAIL");
    expect(passing.code).toBe(0);
    const failing = runGuard(dir, ["rules", "test", "wrong-example"]);
    expect(failing.code).toBe(1);
    expect(failing.stdout + failing.stderr).toContain("wrong-example");
    expect(failing.stdout + failing.stderr).toContain("no match");
  });
});

describe("the pattern cache (node_modules/.cache/guard)", () => {
  // node_modules exists (git ignores it), so guard caches pattern matches there.
  const dir = makeRepo({ ...rules, ...code, ".gitignore": "node_modules/\n", "node_modules/.keep": "" });
  const cacheDir = join(dir, "node_modules/.cache/guard");
  const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((name) => name.startsWith("patterns-")) : []);
  const jsonOf = (args: string[]) => {
    const run = runGuard(dir, ["check", "--format", "json", "--only", "team", ...args]);
    expect([0, 1]).toContain(run.code);
    return run.stdout;
  };
  /**
   * A cached run's JSON, asserted byte-identical to a `--no-cache` run of the same tree and to
   * a second cached run (which takes the files the first one parsed from the cache).
   */
  const cachedMatchesCold = (args: string[] = []): JsonReport => {
    const cached = jsonOf(args);
    expect(cached).toBe(jsonOf([...args, "--no-cache"]));
    expect(jsonOf(args)).toBe(cached);
    return JSON.parse(cached) as JsonReport;
  };

  it("gives the same JSON with --no-cache, on the first cached run and on the second, and stores each file by identity", () => {
    const cold = jsonOf(["--no-cache"]);
    expect(cacheFiles()).toEqual([]);
    const first = jsonOf([]);
    expect(cacheFiles()).toHaveLength(1);
    const second = jsonOf([]);
    expect(first).toBe(cold);
    expect(second).toBe(cold);
    expect(JSON.parse(cold).diagnostics.length).toBeGreaterThan(5);

    const file = join(cacheDir, cacheFiles()[0]!);
    const stored = JSON.parse(readFileSync(file, "utf8")) as { files: [string, string, string][] };
    expect(stored.files.map(([path]) => path).sort()).toEqual(Object.keys(code).sort());
    // Committed, unmodified files are known by their blob id: the next run reads none of them.
    expect(stored.files.every(([, identity]) => identity.startsWith("b"))).toBe(true);
    // Nothing changed: a third run writes nothing.
    const before = statSync(file).mtimeMs;
    expect(jsonOf([])).toBe(cold);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(cacheFiles()).toHaveLength(1);
  });

  it("shows an edited file's new match and drops its removed one", () => {
    writeFiles(dir, {
      "src/app.ts": ["const user = { id: 2 };", "export const typed = user as unknown;", "export const parsed = JSON.parse(String(user));", ""].join("\n"),
    });
    const report = cachedMatchesCold();
    expect(findingsOf(report, "team/no-console")).toEqual([
      { file: "src/legacy/boot.js", line: 1, column: 1, message: "console.log('boot') is left in" },
    ]);
    expect(findingsOf(report, "team/no-any-cast")).toEqual([]);
    expect(findingsOf(report, "team/json-parse-outside-try")).toEqual([
      { file: "src/app.ts", line: 3, column: 23, message: "JSON.parse(String(user)) can throw outside try" },
      { file: "src/config.ts", line: 8, column: 25, message: "JSON.parse('{}') can throw outside try" },
    ]);
  });

  it("applies an edited pattern and an edited message on the next run", () => {
    writeFiles(dir, {
      ".guard/rules/team/no-any-cast.yaml": rule("pattern: $VALUE as unknown", 'message: "{$VALUE} is cast to unknown"', "fix: Type it."),
      ".guard/rules/team/no-throw-literal.yaml": rule("rule: { kind: throw_statement, has: { kind: string } }", "message: Throw an Error, not a string.", "fix: f"),
    });
    // src/app.ts is unchanged since the last run: its stored matches were for the old pattern.
    const report = cachedMatchesCold();
    expect(findingsOf(report, "team/no-any-cast")).toEqual([{ file: "src/app.ts", line: 2, column: 22, message: "user is cast to unknown" }]);
    expect(findingsOf(report, "team/no-throw-literal")).toEqual([
      { file: "src/config.ts", line: 10, column: 3, message: "Throw an Error, not a string." },
    ]);
    writeFiles(dir, { "src/cast.ts": "export const u = (globalThis as unknown) as { x: number };\n" });
    expect(findingsOf(cachedMatchesCold(), "team/no-any-cast")).toEqual([
      { file: "src/app.ts", line: 2, column: 22, message: "user is cast to unknown" },
      { file: "src/cast.ts", line: 1, column: 19, message: "globalThis is cast to unknown" },
    ]);
  });

  it("ignores a damaged or foreign cache file and a torn journal line", () => {
    const expected = jsonOf(["--no-cache"]);
    const [name] = cacheFiles();
    const file = join(cacheDir, name!);
    for (const damage of [
      "{not json",
      JSON.stringify({ rules: ["x"], sets: [[7]], files: [["src/config.ts", 1, 2]], results: [["h", 0, [[0, [["a"]]]]]] }),
      "[]",
    ]) {
      writeFileSync(file, damage);
      writeFileSync(`${file}l`, '{"rules":["x"],"sets":[[0]],"fil');
      expect(jsonOf([])).toBe(expected);
      expect(jsonOf([])).toBe(expected);
    }
    // The damaged file was replaced by a whole one.
    expect(JSON.parse(readFileSync(file, "utf8")).files.length).toBeGreaterThan(0);
  });

  it("answers --staged from the same cache, by blob id", () => {
    writeFiles(dir, { "src/staged.ts": "export function f(): void {\n  console.log(f);\n}\n" });
    execGit(dir, ["add", "src/staged.ts"]);
    const report = cachedMatchesCold(["--staged"]);
    expect(findingsOf(report, "team/no-console")).toEqual([{ file: "src/staged.ts", line: 2, column: 3, message: "console.log(f) is left in" }]);
  });
});
