import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/orphan";

describe("docs/orphan", () => {
  it("fires on each doc no chain of links from a map reaches, at line 1", () => {
    const { report, findings } = checkRule(
      {
        "AGENTS.md": "# Map\n\n- [Architecture](docs/architecture.md)\n- [Readme](README.md)\n",
        "README.md": "See [the guides](docs/guides/).\n",
        "docs/architecture.md": "# Arch\n\nDetails in [layers](layers.md#top).\n",
        "docs/layers.md": "# Layers\n",
        "docs/guides/index.md": "# Guides\n\n- [Setup](setup.md)\n",
        "docs/guides/setup.md": "# Setup\n",
        "docs/forgotten.md": "# Nobody links me\n",
        "docs/old/notes.md": "# Old notes\n\n[back](../architecture.md)\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/forgotten.md", line: 1, column: 1, message: "docs/forgotten.md is not reachable from any agent map: no chain of links from AGENTS.md leads to it" },
      { file: "docs/old/notes.md", line: 1, column: 1, message: "docs/old/notes.md is not reachable from any agent map: no chain of links from AGENTS.md leads to it" },
    ]);
    const first = report.diagnostics[0]!;
    expect(first.evidence).toEqual({ doc: "docs/forgotten.md" });
    expect(first.related).toEqual([{ file: "AGENTS.md", message: "agent map" }]);
    expect(first.fix).toBe(
      "Add a Markdown link to docs/forgotten.md in AGENTS.md (or in another doc that an agent map already leads to), or delete docs/forgotten.md if it is obsolete.",
    );
  });

  it("suggests the nearest index the maps already reach", () => {
    const { report } = checkRule(
      {
        "AGENTS.md": "Docs: [index](docs/index.md)\n",
        "docs/index.md": "# Docs\n",
        "docs/api/orders.md": "# Orders\n",
      },
      RULE,
    );
    expect(report.diagnostics.map((d) => [d.file, d.fix])).toEqual([
      [
        "docs/api/orders.md",
        "Add a Markdown link to docs/api/orders.md in docs/index.md (or in another doc that an agent map already leads to), or delete docs/api/orders.md if it is obsolete.",
      ],
    ]);
  });

  it("follows reference links, encoded and root-relative paths, inline-code paths and @imports", () => {
    const { findings } = checkRule(
      {
        "AGENTS.md": "Read [the guide][g] and `docs/inline.md`.\n\n[g]: docs/My%20Guide.md#intro\n",
        "CLAUDE.md": "@AGENTS.md\n@docs/imported.md\n",
        "docs/My Guide.md": "Next: [rooted](/docs/rooted.md?plain=1)\n",
        "docs/rooted.md": "<a href=\"html.md\">html</a>\n",
        "docs/html.md": "# Html\n",
        "docs/inline.md": "# Inline\n",
        "docs/imported.md": "# Imported\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("follows links through MDX pages and extensionless site links", () => {
    const { findings } = checkRule(
      {
        "AGENTS.md": "[Docs site](docs/start.mdx)\n",
        "docs/start.mdx": "import X from './x';\n\n<X />\n\nNext: [concepts](./concepts), then `docs/more/`.\n\n```md\n[in a code block](./fenced.md)\n```\n",
        "docs/concepts.md": "# Concepts\n",
        "docs/more/README.md": "# More\n",
        "docs/fenced.md": "# Named only in a code block\n",
        "docs/unlinked.md": "# Unlinked\n",
      },
      RULE,
    );
    expect(findings.map((f) => f.file)).toEqual(["docs/fenced.md", "docs/unlinked.md"]);
  });

  it("counts a map anywhere (nested packages) as a start, and stays quiet with no map at all", () => {
    const nested = checkRule(
      { "packages/api/AGENTS.md": "[api docs](../../docs/api.md)\n", "docs/api.md": "# Api\n" },
      RULE,
    );
    expect(nested.findings).toEqual([]);
    const noMap = checkRule({ "README.md": "# Project\n", "docs/lonely.md": "# Lonely\n" }, RULE);
    expect(noMap.findings).toEqual([]);
  });

  it("honours docs.roots: Markdown outside the roots is never reported", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": "docs:\n  roots: [handbook]\n",
        "AGENTS.md": "# Map\n",
        "notes/scratch.md": "# Scratch\n",
        "handbook/lost.md": "# Lost\n",
      },
      RULE,
    );
    expect(findings.map((f) => f.file)).toEqual(["handbook/lost.md"]);
  });
});
