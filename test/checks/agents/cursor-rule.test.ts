import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/cursor-rule";
const mdc = (frontMatter: string, body = "# Rule\n\nUse the Clock.\n") => `---\n${frontMatter}---\n${body}`;

describe("agents/cursor-rule", () => {
  it("stays quiet on the front-matter Cursor itself writes, including unquoted comma-separated globs", () => {
    const { findings } = checkRule(
      {
        ".cursor/rules/api.mdc": mdc("description: Use when changing API handlers\nglobs: *.ts, src/**/*.tsx\nalwaysApply: false\n"),
        ".cursor/rules/always.mdc": mdc("description:\nglobs:\nalwaysApply: true\n"),
        ".cursor/rules/nested/list.mdc": mdc('globs:\n  - "src/**/*.ts"\n  - test/**\n'),
        ".cursor/rules/manual.mdc": mdc(""),
        "packages/web/.cursor/rules/web.mdc": mdc("description: 'Web: components'\nalwaysApply: false\n"),
        ".cursor/rules/notes.md": "no front-matter, but not an .mdc rule\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("fires at 1:1 when an .mdc rule has no front-matter, or never closes it", () => {
    const { findings } = checkRule(
      { ".cursor/rules/a.mdc": "# Rule\nAlways use pnpm.\n", ".cursor/rules/b.mdc": "---\ndescription: x\n# Rule\n" },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: ".cursor/rules/a.mdc",
        line: 1,
        column: 1,
        message: ".cursor/rules/a.mdc has no front-matter; Cursor decides when to apply a rule from its `description`, `globs` and `alwaysApply`",
      },
      { file: ".cursor/rules/b.mdc", line: 1, column: 1, message: ".cursor/rules/b.mdc opens front-matter with `---` but never closes it" },
    ]);
  });

  it("fires on wrong types, at the value", () => {
    const { findings } = checkRule(
      { ".cursor/rules/a.mdc": mdc('description: [a, b]\nglobs: [1, 2]\nalwaysApply: "true"\n') },
      RULE,
    );
    expect(findings).toEqual([
      { file: ".cursor/rules/a.mdc", line: 2, column: 14, message: "`description` in .cursor/rules/a.mdc is a list; expected a string" },
      {
        file: ".cursor/rules/a.mdc",
        line: 3,
        column: 8,
        message: "`globs` in .cursor/rules/a.mdc is a list with an item that is not a glob string; expected a comma-separated string of globs or a list of globs",
      },
      { file: ".cursor/rules/a.mdc", line: 4, column: 14, message: '`alwaysApply` in .cursor/rules/a.mdc is "true"; expected true or false, unquoted' },
    ]);
  });

  it("fires on unknown keys, with a did-you-mean when one is close", () => {
    const { report, findings } = checkRule(
      { ".cursor/rules/a.mdc": mdc("description: x\nglob: *.ts\nalwaysapply: true\npriority: 3\n") },
      RULE,
    );
    expect(findings).toEqual([
      { file: ".cursor/rules/a.mdc", line: 3, column: 1, message: "unknown front-matter key `glob` in .cursor/rules/a.mdc; did you mean `globs`?" },
      {
        file: ".cursor/rules/a.mdc",
        line: 4,
        column: 1,
        message: "unknown front-matter key `alwaysapply` in .cursor/rules/a.mdc; did you mean `alwaysApply`?",
      },
      {
        file: ".cursor/rules/a.mdc",
        line: 5,
        column: 1,
        message: "unknown front-matter key `priority` in .cursor/rules/a.mdc; Cursor reads only `description`, `globs` and `alwaysApply`",
      },
    ]);
    expect(report.diagnostics[0]!.fix).toBe("Rename `glob` to `globs` in the front-matter of .cursor/rules/a.mdc.");
  });

  it("fires on front-matter that is neither YAML nor `key: value` lines, at the YAML error", () => {
    const { findings } = checkRule({ ".cursor/rules/a.mdc": mdc("description: x\nglobs:\n  - *.ts\n") }, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: ".cursor/rules/a.mdc", line: 4 });
    expect(findings[0]!.message).toMatch(/^the front-matter of \.cursor\/rules\/a\.mdc cannot be read: /);
  });
});
