import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/front-matter";
const requiring = (keys: string) => `docs:\n  frontMatter:\n    required: [${keys}]\n`;

describe("docs/front-matter", () => {
  it("stays quiet when docs.frontMatter.required is empty (the default)", () => {
    const { findings } = checkRule({ "docs/a.md": "# A\n", "docs/b.md": "---\nowner: [\n---\n# B\n" }, RULE);
    expect(findings).toEqual([]);
  });

  it("stays quiet on docs with every required key of the right type, and ignores Markdown outside docs.roots", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": requiring("owner, status, reviewed, covers"),
        "docs/a.md": '---\nowner: platform-team\nstatus: stable\nreviewed: 2025-01-31\ncovers: ["src/orders/**"]\n---\n# A\n',
        "docs/b.md": "---\nowner: '@alice'\nstatus: draft\nreviewed: '2024-02-29'\ncovers:\n  - src/**\nextra: 1\n---\n# B\n",
        "README.md": "# Not a doc\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("fires at line 1 on a doc without front-matter, naming the required keys", () => {
    const { report, findings } = checkRule({ "guard.yaml": requiring("owner, reviewed"), "docs/a.md": "# A\n" }, RULE);
    expect(findings).toEqual([
      { file: "docs/a.md", line: 1, column: 1, message: "docs/a.md has no front-matter; docs.frontMatter.required asks for `owner`, `reviewed`" },
    ]);
    expect(report.diagnostics[0]!.fix).toBe(
      "Start docs/a.md with front-matter: a `---` line, then `owner: platform-team`, `reviewed: 2025-01-31`, then a `---` line.",
    );
  });

  it("fires once per missing key, at the opening `---`", () => {
    const { findings } = checkRule({ "guard.yaml": requiring("owner, status, reviewed"), "docs/a.md": "---\nstatus: draft\n---\n# A\n" }, RULE);
    expect(findings).toEqual([
      { file: "docs/a.md", line: 1, column: 1, message: "the front-matter of docs/a.md has no `owner`; docs.frontMatter.required asks for it" },
      { file: "docs/a.md", line: 1, column: 1, message: "the front-matter of docs/a.md has no `reviewed`; docs.frontMatter.required asks for it" },
    ]);
  });

  it("fires on a wrong type, at the value", () => {
    const doc = "---\nowner:\nstatus: [a]\nreviewed: 2024-02-30\ncovers: src/**\nteam: ''\n---\n# A\n";
    const { findings } = checkRule({ "guard.yaml": requiring("owner, status, reviewed, covers, team"), "docs/a.md": doc }, RULE);
    expect(findings).toEqual([
      { file: "docs/a.md", line: 2, column: 1, message: "`owner` in docs/a.md is empty; expected a non-empty string (a person or team)" },
      { file: "docs/a.md", line: 3, column: 9, message: "`status` in docs/a.md is a list; expected a non-empty string" },
      { file: "docs/a.md", line: 4, column: 11, message: '`reviewed` in docs/a.md is "2024-02-30"; expected a date (YYYY-MM-DD)' },
      { file: "docs/a.md", line: 5, column: 9, message: '`covers` in docs/a.md is "src/**"; expected a list of globs' },
      { file: "docs/a.md", line: 6, column: 7, message: "`team` in docs/a.md is empty; expected a value" },
    ]);
  });

  it("fires on invalid YAML at the YAML error's position, with a stable fingerprint", () => {
    const { report, findings } = checkRule(
      { "guard.yaml": requiring("owner"), "docs/a.md": "---\nowner: platform\nstatus: [draft\n---\n# A\n" },
      RULE,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "docs/a.md", line: 3 });
    expect(findings[0]!.message).toMatch(/^the front-matter of docs\/a\.md is not valid YAML: /);
    expect(report.diagnostics[0]!.evidence).toEqual({ problem: "invalid-yaml" });
  });
});
