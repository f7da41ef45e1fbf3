import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/index-incomplete";

describe("docs/index-incomplete", () => {
  it("fires once per sibling doc and direct subfolder index the index.md does not link", () => {
    const { report, findings } = checkRule(
      {
        "docs/index.md": "# Docs\n\n- [Setup](setup.md)\n- [Api](api.md)\n- [Faq](faq.md)\n",
        "docs/setup.md": "# Setup\n",
        "docs/api.md": "# Api\n",
        "docs/faq.md": "# Faq\n",
        "docs/testing.md": "# Testing\n",
        "docs/guides/index.md": "# Guides\n\n- [Deploy](deploy.md)\n",
        "docs/guides/deploy.md": "# Deploy\n",
        "docs/guides/deep/index.md": "# Too deep for docs/index.md\n",
        "docs/misc/loose.md": "# A subfolder without index.md\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/guides/index.md", line: 1, column: 1, message: "docs/guides/index.md does not link docs/guides/deep/index.md, the index of its subfolder docs/guides/deep/; an index must lead to each subfolder's index" },
      { file: "docs/index.md", line: 1, column: 1, message: "docs/index.md does not link docs/guides/index.md, the index of its subfolder docs/guides/; an index must lead to each subfolder's index" },
      { file: "docs/index.md", line: 1, column: 1, message: "docs/index.md does not link docs/testing.md, a Markdown file in the same folder; an index must list every doc beside it" },
    ]);
    const testing = report.diagnostics.find((d) => d.evidence.missing === "docs/testing.md")!;
    expect(testing.fix).toBe("Add a link to docs/testing.md in docs/index.md, e.g. a list item `- [<title>](testing.md) — <one line on what it covers>`.");
  });

  it("accepts folder links, anchors, reference links and root-relative links; ignores partials, maps and indexes outside docs roots", () => {
    const { findings } = checkRule(
      {
        "docs/index.md": "# Docs\n\n- [Guides](guides/)\n- [Setup](./setup.md#start)\n- [Testing][t]\n- [Api](/docs/api.md)\n\n[t]: testing.md\n",
        "docs/setup.md": "# Setup\n",
        "docs/testing.md": "# Testing\n",
        "docs/api.md": "# Api\n",
        "docs/_sidebar.md": "- [Setup](setup.md)\n",
        "docs/AGENTS.md": "# Map for docs\n",
        "docs/guides/index.md": "# Guides\n",
        "site/index.md": "# Not under docs.roots\n",
        "site/other.md": "# Other\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });
});

describe("docs/index-incomplete on docs sites", () => {
  it("reads site-absolute links (`/changes/x`, `/guide/cli.html`) against the docs root, as VitePress serves it", () => {
    const { findings } = checkRule(
      {
        "docs/changes/index.md": "# Changes\n\n- [Hook](/changes/hotupdate-hook)\n- [Runner](/changes/runner.html)\n",
        "docs/changes/hotupdate-hook.md": "# Hook\n",
        "docs/changes/runner.md": "# Runner\n",
        "docs/changes/later.md": "# Not listed yet\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/changes/index.md", line: 1, column: 1, message: "docs/changes/index.md does not link docs/changes/later.md, a Markdown file in the same folder; an index must list every doc beside it" },
    ]);
  });

  it("stays quiet on an index.md that lists fewer than half of its siblings: a site landing page, not a table of contents", () => {
    const { findings } = checkRule(
      {
        "docs/config/index.md": "# Configuring\n\nSee [the guide](/guide/), [server options](./server-options.md) and [Rolldown](https://rolldown.rs/).\n",
        "docs/config/preview-options.md": "# Preview options\n",
        "docs/config/server-options.md": "# Server options\n",
        "docs/config/build-options.md": "# Build options\n",
        "docs/guide/index.md": "# Guide\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("accepts pages and subfolders the site's navigation lists; still fires on a page the navigation leaves out", () => {
    const files = {
      "mkdocs.yml": "nav:\n  - index.md\n  - setup.md\n  - api.md\n  - Guides:\n    - guides/deploy.md\n",
      "docs/index.md": "# Docs\n\n- [Setup](setup.md)\n- [Faq](faq.md)\n- [Api](api.md)\n",
      "docs/setup.md": "# Setup\n",
      "docs/api.md": "# Api\n",
      "docs/faq.md": "# Faq\n",
      "docs/testing.md": "# Testing, in no navigation\n",
      "docs/guides/index.md": "# Guides\n\n- [Deploy](deploy.md)\n",
      "docs/guides/deploy.md": "# Deploy\n",
    };
    expect(checkRule(files, RULE).findings.map((f) => f.message)).toEqual([
      "docs/index.md does not link docs/testing.md, a Markdown file in the same folder; an index must list every doc beside it",
    ]);
    const withoutNav = checkRule({ ...files, "guard.yaml": "docs:\n  nav: []\n" }, RULE).findings.map((f) => f.message);
    expect(withoutNav).toEqual([
      "docs/index.md does not link docs/guides/index.md, the index of its subfolder docs/guides/; an index must lead to each subfolder's index",
      "docs/index.md does not link docs/testing.md, a Markdown file in the same folder; an index must list every doc beside it",
    ]);
  });
});
