import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, checkRule, execGit, findingsOf, makeRepo, runGuard } from "../../helpers/repo.js";

const RULE = "docs/generated-drift";
const LAYERS = "layers:\n  - { name: domain, paths: [\"src/domain/**\"] }\n  - { name: app, paths: [\"src/app/**\"] }\n";
const LAYER_TABLE = [
  "| # | layer | paths | may import |",
  "|---|---|---|---|",
  "| 1 | domain | `src/domain/**` | itself only |",
  "| 2 | app | `src/app/**` | itself, domain |",
].join("\n");

describe("docs/generated-drift", () => {
  it("fires on a stale block at its start marker, with the first differing lines, and on an unterminated block", () => {
    const stale = LAYER_TABLE.split("\n").slice(0, 3).join("\n"); // without the row of app
    const { dir, report, findings } = checkRule(
      {
        "guard.yaml": LAYERS,
        "docs/architecture.md": `# Architecture\n\nProse.\n\n<!-- guard:generated layers -->\n${stale}\n<!-- /guard:generated -->\n`,
        "docs/open.md": "# Open\n\n<!-- guard:generated scripts -->\n| script | runs |\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "docs/architecture.md",
        line: 5,
        column: 1,
        message:
          'the generated block "layers" in docs/architecture.md differs from what `guard docs generate` writes now (1 line differs); first difference: + | 2 | app | `src/app/**` | itself, domain |',
      },
      { file: "docs/open.md", line: 3, column: 1, message: 'the generated block "scripts" in docs/open.md has no end marker `<!-- /guard:generated -->`' },
    ]);
    const diagnostic = report.diagnostics.find((d) => d.file === "docs/architecture.md")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.fix).toBe("Run `guard docs generate docs/architecture.md` and commit the result; edit the source (guard.yaml, the rules, the docs, package.json), never the block itself.");
    expect(diagnostic.evidence).toEqual({ block: "layers" });
    // A check of a few paths (an agent hook's edited file) looks at the Markdown files in them only.
    expect(findingsOf(checkJson(dir, ["--only", RULE, "docs/open.md"]), RULE).map((f) => f.file)).toEqual(["docs/open.md"]);
  });

  it("fires on an unknown name with a did-you-mean, and on a bad argument", () => {
    const { findings } = checkRule(
      { "README.md": "# Readme\n\n<!-- guard:generated layer -->\n<!-- /guard:generated -->\n\n<!-- guard:generated rules some -->\n<!-- /guard:generated -->\n" },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "README.md",
        line: 3,
        column: 1,
        message: 'the generated block "layer" in README.md cannot be generated: unknown block name "layer"; did you mean "layers"? (known: layers, rules, docs-index, scripts)',
      },
      { file: "README.md", line: 6, column: 1, message: 'the generated block "rules" in README.md cannot be generated: takes no argument or `all`, not "some"' },
    ]);
  });

  it("fires when the source changes after generation, and is quiet again after guard docs generate", () => {
    const dir = makeRepo({ "guard.yaml": LAYERS, "docs/architecture.md": "# Architecture\n\n<!-- guard:generated layers -->\n<!-- /guard:generated -->\n" });
    expect(runGuard(dir, ["docs", "generate"]).code).toBe(0);
    expect(findingsOf(checkJson(dir, ["--only", RULE]), RULE)).toEqual([]);
    const more = `${LAYERS}  - { name: ui, paths: ["src/ui/**"] }\n`;
    writeText(dir, "guard.yaml", more);
    const findings = findingsOf(checkJson(dir, ["--only", RULE]), RULE);
    expect(findings.map((f) => [f.file, f.line])).toEqual([["docs/architecture.md", 3]]);
    expect(findings[0]!.message).toContain("+ | 3 | ui | `src/ui/**` | itself, domain, app |");
    expect(runGuard(dir, ["docs", "generate"]).stdout).toBe("updated docs/architecture.md\n");
    expect(findingsOf(checkJson(dir, ["--only", RULE]), RULE)).toEqual([]);
  });

  it("finds blocks in files git does not vouch for: an untracked doc, a doc changed since the commit, a staged one", () => {
    const dir = makeRepo({ "guard.yaml": LAYERS, "docs/changed.md": "# Changed\n" });
    writeText(dir, "docs/changed.md", "# Changed\n\n<!-- guard:generated layers -->\n");
    writeText(dir, "docs/new.md", "# New\n\n<!-- guard:generated layers -->\nold\n<!-- /guard:generated -->\n");
    const findings = findingsOf(checkJson(dir, ["--only", RULE]), RULE);
    expect(findings.map((f) => [f.file, f.line, /has no end marker|differs from what/.exec(f.message)?.[0]])).toEqual([
      ["docs/changed.md", 3, "has no end marker"],
      ["docs/new.md", 3, "differs from what"],
    ]);
    execGit(dir, ["add", "docs/new.md"]);
    writeText(dir, "docs/new.md", "# New\n");
    expect(findingsOf(checkJson(dir, ["--only", RULE, "--staged"]), RULE).map((f) => f.file)).toEqual(["docs/new.md"]);
  });

  it("stays quiet on current blocks, files without blocks, and markers in code blocks, backticks or mid-line", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": LAYERS,
        "docs/architecture.md": `# Architecture\n\n<!-- guard:generated layers -->\n${LAYER_TABLE}\n<!-- /guard:generated -->\n`,
        "docs/crlf.md": `# CRLF\r\n\r\n<!-- guard:generated layers -->\r\n${LAYER_TABLE.replace(/\n/g, "\r\n")}\r\n<!-- /guard:generated -->\r\n`,
        "docs/plain.md": "# Plain\n\nNo block here.\n",
        "docs/syntax.md": [
          "# Syntax",
          "",
          "```markdown",
          "<!-- guard:generated layers -->",
          "stale text inside a code block is an example",
          "```",
          "",
          "Write `<!-- guard:generated layers -->` then the end marker.",
          "Text <!-- guard:generated nothing --> mid-line is no marker.",
          "",
        ].join("\n"),
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });
});

function writeText(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
}
