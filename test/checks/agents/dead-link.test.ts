import { describe, expect, it } from "vitest";
import { checkJson, checkRule, execGit } from "../../helpers/repo.js";

const RULE = "agents/dead-link";

describe("agents/dead-link", () => {
  it("fires on a link to a missing file and on a missing anchor in the same map, with a did-you-mean", () => {
    const { findings, report } = checkRule(
      {
        "AGENTS.md": "# Map\n\n## Install\n\nSee [setup](docs/setup.md) and [install](#instal).\n",
        "docs/set-up.md": "# Set up\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 5, column: 5, message: "link to docs/setup.md: no such file or folder; did you mean docs/set-up.md?" },
      { file: "AGENTS.md", line: 5, column: 32, message: "link to #instal: no heading with that anchor in AGENTS.md; did you mean #install?" },
    ]);
    const [missingFile, missingAnchor] = report.diagnostics;
    expect(missingFile!.evidence).toEqual({ target: "docs/setup.md" });
    expect(missingFile!.related).toEqual([{ file: "docs/setup.md", message: "the missing link target" }]);
    expect(missingFile!.fix).toContain("(e.g. docs/set-up.md)");
    expect(missingAnchor!.evidence).toEqual({ target: "#instal" });
    expect(missingAnchor!.related).toBeUndefined();
    expect(report.code).toBe(1);
  });

  it("fires on a map's link in the wrong case: an agent opens it as a file, where a site would route it", () => {
    const { findings } = checkRule({ "AGENTS.md": "[contributing](docs/contributing) [guide](docs/guide)\n", "docs/CONTRIBUTING.md": "# C\n", "docs/guide.md": "# G\n" }, RULE);
    expect(findings.map((f) => f.message)).toEqual(["link to docs/contributing: no such file or folder; did you mean docs/CONTRIBUTING.md?"]);
  });

  it("fires on a missing anchor in another Markdown file and names that file as related", () => {
    const { findings, report } = checkRule(
      { "AGENTS.md": "[testing](docs/testing.md#running-teh-tests)\n", "docs/testing.md": "# Testing\n\n## Running the tests\n" },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "AGENTS.md",
        line: 1,
        column: 1,
        message:
          "link to docs/testing.md#running-teh-tests: no heading with that anchor in docs/testing.md; did you mean docs/testing.md#running-the-tests?",
      },
    ]);
    expect(report.diagnostics[0]!.related).toEqual([{ file: "docs/testing.md", message: "the linked document" }]);
  });

  it("fires on a reference definition to a missing file and on a link written as its own text", () => {
    const { findings } = checkRule(
      { "AGENTS.md": "Read [the guide][guide] and [docs/old.md](docs/old.md).\n\n[guide]: ./docs/guide.md\n", "docs/new.md": "# New\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 1, column: 29, message: "link to docs/old.md: no such file or folder" },
      { file: "AGENTS.md", line: 3, column: 1, message: "link to ./docs/guide.md: no such file or folder (docs/guide.md)" },
    ]);
  });

  it("stays quiet on external URLs, autolinks, folders, encoded paths, and anchors GitHub would find", () => {
    const map = [
      "# Map",
      "",
      "## Setup (macOS & Linux)!",
      "",
      "## Setup",
      "",
      "## Setup",
      "",
      '<a name="custom-anchor"></a>',
      "",
      "- [web](https://example.com/x) [mail](mailto:a@b.co) [code](vscode:extension/x) [proto](//cdn.example.com/x.js)",
      "- <https://example.com> www.example.com someone@example.com [ftp](ftp://host/x) [data](data:text/plain,hi)",
      "- [docs folder](docs/) and [docs](docs) and [root](/) and [here](./)",
      "- [spaced](docs/how%20to/x.md) and [angle](<docs/how to/x.md>) and [query](docs/a.md?plain=1)",
      "- [punct](#setup-macos--linux) [dup](#setup-1) [case](#SETUP) [html](#custom-anchor) [top](#top)",
      "- [other](docs/a.md#a-heading) [line](src/app.ts#L10) [range](src/app.ts#L10-L20) [code anchor](src/app.ts#whatever)",
      "- [outside](../../outside.md) [image](docs/logo.png) ![logo](docs/logo.png)",
      "- [ref][r] [encoded anchor](docs/a.md#a%2Dheading)",
      "",
      "```md",
      "[not a link](missing.md) [nor](#nowhere)",
      "```",
      "",
      "    [indented code](missing-too.md)",
      "",
      "[r]: docs/a.md#a-heading",
      "",
    ].join("\n");
    const { findings } = checkRule(
      {
        "AGENTS.md": map,
        "docs/how to/x.md": "# X\n",
        "docs/a.md": "# A heading\n",
        "docs/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
        "src/app.ts": "export {};\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("handles CRLF maps with front-matter: right line and column, anchors still found", () => {
    const { findings } = checkRule(
      { "AGENTS.md": "---\r\nowner: team\r\n---\r\n# Map\r\n\r\n[ok](#map) and [bad](#mapp) and [gone](gone.md)\r\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 6, column: 16, message: "link to #mapp: no heading with that anchor in AGENTS.md; did you mean #map?" },
      { file: "AGENTS.md", line: 6, column: 33, message: "link to gone.md: no such file or folder" },
    ]);
  });

  it("checks nested maps relative to their own folder, and reports a CLAUDE.md symlink to AGENTS.md once", () => {
    const { findings } = checkRule(
      {
        "AGENTS.md": "[pkg](packages/api/AGENTS.md)\n",
        "CLAUDE.md": { symlink: "AGENTS.md" },
        "packages/api/AGENTS.md": "[readme](README.md) [root](../../docs/x.md) [missing](src/nope.ts)\n",
        "packages/api/README.md": "# API\n",
        "docs/x.md": "# X\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "packages/api/AGENTS.md", line: 1, column: 45, message: "link to src/nope.ts: no such file or folder (packages/api/src/nope.ts)" },
    ]);
  });

  it("with --staged, reports the map whose link the staged deletion of its target breaks", () => {
    const { dir } = checkRule({ "AGENTS.md": "[setup](docs/setup.md)\n", "docs/setup.md": "# Setup\n", "src/a.ts": "x\n" }, RULE);
    execGit(dir, ["rm", "-q", "docs/setup.md"]);
    const report = checkJson(dir, ["--only", RULE, "--staged"]);
    expect(report.diagnostics.map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: "AGENTS.md", line: 1, message: "link to docs/setup.md: no such file or folder" },
    ]);
  });
});
