import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard } from "../../helpers/repo.js";

/** A text rule file from its lines (kind, message and fix filled in unless given). */
const textRule = (...lines: string[]) =>
  ["kind: text", ...lines, ...(lines.some((l) => l.startsWith("message:")) ? [] : ["message: \"found {match}\""]), "fix: Remove it."].join("\n") + "\n";

const LATEST = "team/no-latest";
const noLatest = textRule(
  'files: ["**/*.yaml", "**/*.yml", "docs/**/*.md"]',
  'ignore: ["vendor/**"]',
  'regex: "image: (?<name>[\\\\w./-]+):latest"',
  'message: "image {name} uses the latest tag: {match}"',
  "examples:",
  '  bad: ["image: nginx:latest"]',
  '  good: ["image: nginx:1.25"]',
);

describe("text rule files", () => {
  it("fires on each match in YAML and Markdown, from the match's start to its end, with named groups in the message", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n",
      ".guard/rules/team/no-latest.yaml": noLatest,
      "deploy/app.yaml": "services:\n  web:\n    image: nginx:latest\n  db:\n    image: postgres:16\n  cache: { image: redis:latest }\n",
      "docs/setup.md": "# Setup\n\nRun it with `image: ghcr.io/acme/api:latest` for now.\n",
      "compose.yml": "image: nginx:1.25\n",
      "vendor/chart.yaml": "image: nginx:latest\n",
      "src/config.ts": 'export const image = "image: nginx:latest";\n',
      "assets/logo.yaml": Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
    });
    const report = checkJson(dir, ["--only", LATEST]);
    expect(report.code).toBe(1);
    expect(findingsOf(report, LATEST)).toEqual([
      { file: "deploy/app.yaml", line: 3, column: 5, message: "image nginx uses the latest tag: image: nginx:latest" },
      { file: "deploy/app.yaml", line: 6, column: 12, message: "image redis uses the latest tag: image: redis:latest" },
      { file: "docs/setup.md", line: 3, column: 14, message: "image ghcr.io/acme/api uses the latest tag: image: ghcr.io/acme/api:latest" },
    ]);
    const first = report.diagnostics[0]!;
    expect([first.endLine, first.endColumn]).toEqual([3, 24]);
    expect(first.evidence).toEqual({ match: "image: nginx:latest" });
    expect(first.docs).toBe(".guard/rules/team/no-latest.yaml");
    expect(first.fix).toBe("Remove it.");

    // The rule's own bad example is not a finding; `guard rules test` runs the examples.
    const tested = runGuard(dir, ["rules", "test", "--format", "json"]);
    expect(tested.code).toBe(0);
    const examples = (JSON.parse(tested.stdout) as { rules: { examples: { detail: string }[] }[] }).rules[0]!.examples;
    expect(examples.map((example) => example.detail)).toEqual(["matched `image: nginx:latest` at 1:1", "no match"]);
  });

  it("is quiet when nothing matches", () => {
    const dir = makeRepo({ ".guard/rules/team/no-latest.yaml": noLatest, "deploy/app.yaml": "image: nginx:1.25\n" });
    const report = checkJson(dir, ["--only", LATEST]);
    expect(report.code).toBe(0);
    expect(findingsOf(report, LATEST)).toEqual([]);
  });

  it("honours the i and m flags, and reports a match that spans lines from its first to its last line", () => {
    const dir = makeRepo({
      ".guard/rules/team/todo.yaml": textRule('files: ["notes/**"]', 'regex: "^todo:"', "flags: im"),
      ".guard/rules/team/todo-exact.yaml": textRule('files: ["notes/**"]', 'regex: "^todo:"'),
      ".guard/rules/team/block.yaml": textRule('files: ["notes/**"]', 'regex: "BEGIN[\\\\s\\\\S]*?END"'),
      "notes/a.txt": "intro TODO: not at a line start\nTODO: first\n  todo: indented\nToDo: third\nBEGIN\nsecret\nEND\n",
    });
    const report = checkJson(dir, ["--only", "team"]);
    expect(findingsOf(report, "team/todo").map((f) => `${f.line}:${f.column}`)).toEqual(["2:1", "4:1"]);
    // Without `m`, `^` is the start of the file only; without `i`, the case must agree.
    expect(findingsOf(report, "team/todo-exact")).toEqual([]);
    const block = report.diagnostics.find((d) => d.rule === "team/block")!;
    expect([block.line, block.column, block.endLine, block.endColumn]).toEqual([5, 1, 7, 4]);
    expect(block.message).toBe("found BEGIN secret END");
  });

  it("steps over empty matches instead of looping on them", () => {
    const dir = makeRepo({
      ".guard/rules/team/line-start.yaml": textRule('files: ["*.txt"]', 'regex: "^"', "flags: m"),
      "three.txt": "a\nb\nc",
    });
    const report = checkJson(dir, ["--only", "team"]);
    expect(findingsOf(report, "team/line-start").map((f) => `${f.line}:${f.column}`)).toEqual(["1:1", "2:1", "3:1"]);
  });

  it("never hangs on a catastrophic regex: linear where V8 allows it, else a time budget and a skipped file", () => {
    const long = `${"a".repeat(60)}b\n${"x".repeat(60)}\n`;
    const dir = makeRepo({
      ".guard/rules/team/nested.yaml": textRule('files: ["data/**"]', 'regex: "(a+)+$"'),
      ".guard/rules/team/nested-i.yaml": textRule('files: ["data/one.txt"]', 'regex: "(x+x+)+y"', "flags: i"),
      ".guard/rules/team/backref.yaml": textRule('files: ["data/**"]', 'regex: "^(\\\\w+\\\\s?)*\\\\1$"'),
      "data/one.txt": long,
      "data/two.txt": long,
      "data/three.txt": long,
      "data/four.txt": long,
      "data/ok.txt": "aaa",
    });
    const started = Date.now();
    const run = runGuard(dir, ["check", "--only", "team"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    // `(a+)+$` runs in linear time: its one real match, found at once.
    expect(run.stdout).toContain("data/ok.txt:1:1  error  found aaa  team/nested");
    // `(x+x+)+y` with `i` backtracks: the file is given up after the budget, with why.
    expect(run.stdout).toContain(
      "skipped data/one.txt: the regex of .guard/rules/team/nested-i.yaml took over 1 s on this file; rewrite it without nested quantifiers such as (a+)+ or backreferences",
    );
    // A backreference cannot run in linear time; after three files given up the rule stops.
    expect(run.stdout).toContain("skipped .guard/rules/team/backref.yaml: its regex ran out of time on 3 files, so it did not scan 1 more file");
  }, 30_000);
});
