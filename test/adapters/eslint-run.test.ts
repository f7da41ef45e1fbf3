import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { checkJson, GUARD_BIN, makeRepo } from "../helpers/repo.js";
import { CORE_IMPORTS_VIEW, LAYERED, plugin } from "./eslint-support.js";

/** The package root: a temp repo's node_modules/harness-guard links here, as an install would. */
const PACKAGE = resolve(dirname(GUARD_BIN), "../..");
const ESLINT_BIN = join(PACKAGE, "node_modules/.bin/eslint");
const CONFIG = 'import guard from "harness-guard/eslint-plugin";\nexport default [guard.configs.recommended];\n';

function fixture(): string {
  return makeRepo({ ...LAYERED, "eslint.config.js": CONFIG, "node_modules/harness-guard": { symlink: PACKAGE } });
}

interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `eslint --format json` as a user runs it in the repo. */
function runEslint(repo: string, args: string[]): { code: number; problems: Problem[]; stderr: string } {
  const run = spawnSync(ESLINT_BIN, ["--format", "json", ...args], { cwd: repo, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  return { code: run.status ?? -1, problems: problemsOf(repo, results), stderr: run.stderr };
}

function problemsOf(repo: string, results: readonly ESLint.LintResult[]): Problem[] {
  return results.flatMap((result) =>
    result.messages.map((message) => ({ file: relative(repo, result.filePath), line: message.line, column: message.column, message: message.message })),
  );
}

describe("the ESLint plugin in a real eslint run", () => {
  it("lists the findings guard check lists, with the same file, line, column, message and fix", () => {
    const repo = fixture();
    const guard = checkJson(repo, ["--only", "arch/layer,arch/deep-import,no-fs-in-ui,no-legacy"]);
    const eslint = runEslint(repo, ["src"]);
    expect(eslint.stderr).toBe("");
    expect(eslint.code).toBe(1);
    const expected = guard.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      // guard/imports leads with the rule file's id; guard/layers reports arch/* alone.
      message: `${d.rule.startsWith("arch/") ? "" : `${d.rule}: `}${d.message} — fix: ${d.fix}`,
    }));
    expect(guard.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(["src/core/model.ts arch/layer", "src/ui/page.ts no-fs-in-ui", "src/ui/panel.ts arch/deep-import"]);
    expect(sorted(eslint.problems)).toEqual(sorted(expected));
  });

  it("is quiet on a repo guard check finds clean", () => {
    const repo = fixture();
    writeFileSync(join(repo, "src/core/model.ts"), "export const model = 1;\n");
    writeFileSync(join(repo, "src/ui/page.ts"), 'import { model } from "../core/model.js";\nexport const page = model;\n');
    writeFileSync(join(repo, "src/ui/panel.ts"), 'import { button } from "./widgets/index.js";\nexport const panel = button;\n');
    expect(checkJson(repo, ["--only", "arch/layer,arch/deep-import,no-fs-in-ui,no-legacy"]).diagnostics).toEqual([]);
    const eslint = runEslint(repo, ["src"]);
    expect(eslint).toEqual({ code: 0, problems: [], stderr: "" });
  });

  it("lints unsaved text: lintText with a filePath reports the text, not the file on disk", async () => {
    const repo = fixture();
    const eslint = new ESLint({ cwd: repo });
    const filePath = join(repo, "src/core/clean.ts"); // clean on disk
    const dirty = await eslint.lintText('export { view } from "../ui/view.js";\n', { filePath });
    expect(problemsOf(repo, dirty)).toEqual([{ file: "src/core/clean.ts", line: 1, column: 22, message: CORE_IMPORTS_VIEW }]);
    const fixed = await eslint.lintText("export const model = 2;\n", { filePath: join(repo, "src/core/model.ts") }); // imports ui on disk
    expect(problemsOf(repo, fixed)).toEqual([]);
  });

  it("stays quiet on a code block a processor extracts from another file", async () => {
    const repo = fixture();
    // Read as a file at src/core/notes.md/0.js, this import would name src/ui/view.ts.
    const block = 'import { view } from "../../ui/view.js";\nexport const model = view;\n';
    // A processor hands ESLint each Markdown file's text as a virtual `<file>/0.js`.
    const markdown = { preprocess: (text: string) => [{ text, filename: "0.js" }], postprocess: (messages: unknown[][]) => messages.flat() };
    const eslint = new ESLint({
      cwd: repo,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ["**/*.md"], processor: markdown },
        { files: ["**/*.md/*.js", "**/*.ts"], plugins: { guard: plugin }, rules: { "guard/layers": "error", "guard/imports": "error" } },
      ] as never,
    });
    const inBlock = await eslint.lintText(block, { filePath: join(repo, "src/core/notes.md") });
    expect(problemsOf(repo, inBlock)).toEqual([]);
    // The same config fires on a module of the repo.
    const asModule = await eslint.lintText(block.replace("../../", "../"), { filePath: join(repo, "src/core/model.ts") });
    expect(problemsOf(repo, asModule)).toEqual([{ file: "src/core/model.ts", line: 1, column: 22, message: CORE_IMPORTS_VIEW }]);
  });

  it("reloads the rule files when one changes, in the same process", async () => {
    const repo = fixture();
    const eslint = new ESLint({ cwd: repo });
    const filePath = join(repo, "src/ui/page.ts");
    const text = 'import fs from "node:fs";\nimport path from "node:path";\nexport const page = [fs, path];\n';
    const lines = async () => problemsOf(repo, await eslint.lintText(text, { filePath })).map((problem) => problem.line);
    expect(await lines()).toEqual([1]);
    const rule = join(repo, ".guard/rules/no-fs-in-ui.yaml");
    writeFileSync(rule, (LAYERED[".guard/rules/no-fs-in-ui.yaml"] as string).replace("forbid: [fs]", "forbid: [fs, path]"));
    expect(await lines()).toEqual([1, 2]);
    writeFileSync(join(repo, ".guard/rules/no-path.yaml"), "kind: import\nfrom: src/**\nforbid: [node:path]\nmessage: no path\nfix: drop it\n");
    expect(await lines()).toEqual([1, 2, 2]);
  });

  it("reports a malformed guard.yaml as one problem per file, without crashing, and recovers once it is fixed", async () => {
    const repo = fixture();
    const eslint = new ESLint({ cwd: repo });
    const filePath = join(repo, "src/core/model.ts");
    const text = 'import { view } from "../ui/view.js";\nexport const model = view;\n';
    expect(problemsOf(repo, await eslint.lintText(text, { filePath }))).toHaveLength(1);

    const good = LAYERED["guard.yaml"] as string;
    writeFileSync(join(repo, "guard.yaml"), `${good}layers: [oops\n`);
    // The eslint command reports it (exit 1), it does not crash (exit 2).
    const command = runEslint(repo, ["src/core/model.ts"]);
    expect({ code: command.code, stderr: command.stderr, lines: command.problems.map((problem) => problem.line) }).toEqual({ code: 1, stderr: "", lines: [1, 1] });
    const broken = await eslint.lintText(text, { filePath });
    const problems = problemsOf(repo, broken);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([{ line: 1, column: 1 }, { line: 1, column: 1 }]);
    // guard check's own message (exit 2), on one line.
    const cli = checkError(repo).replace(/^guard: /, "").trim().split("\n").map((line) => line.trim()).join("; ");
    expect(cli).toMatch(/^guard\.yaml:\d+:\d+: /);
    expect(problems.map((problem) => problem.message)).toEqual([
      `guard cannot load its config, so guard/layers checks nothing: ${cli}`,
      `guard cannot load its config, so guard/imports checks nothing: ${cli}`,
    ]);

    writeFileSync(join(repo, "guard.yaml"), good);
    expect(problemsOf(repo, await eslint.lintText(text, { filePath }))).toEqual([{ file: "src/core/model.ts", line: 1, column: 22, message: CORE_IMPORTS_VIEW }]);
  });
});

/** In file, line, column order (ESLint lists files in its own traversal order). */
function sorted(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** What `guard check` prints for a config it cannot load (exit 2). */
function checkError(repo: string): string {
  const run = spawnSync(process.execPath, [GUARD_BIN, "check"], { cwd: repo, encoding: "utf8" });
  expect(run.status).toBe(2);
  return run.stderr;
}
