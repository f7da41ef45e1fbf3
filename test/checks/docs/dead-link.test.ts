import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/dead-link";

describe("docs/dead-link", () => {
  it("fires on broken links in docs, resolving ../ from the doc's folder and / from the repo root", () => {
    const { findings } = checkRule(
      {
        "docs/guide/start.md": "# Start\n\n[setup](../setpu.md) [api](/docs/api.md#endpoints) [here](#nowhere)\n",
        "docs/setup.md": "# Setup\n",
        "docs/api.md": "# API\n\n## Endpoint list\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "docs/guide/start.md",
        line: 3,
        column: 1,
        message: "link to ../setpu.md: no such file or folder (docs/setpu.md); did you mean ../setup.md?",
      },
      {
        file: "docs/guide/start.md",
        line: 3,
        column: 22,
        message: "link to /docs/api.md#endpoints: no heading with that anchor in docs/api.md",
      },
      { file: "docs/guide/start.md", line: 3, column: 52, message: "link to #nowhere: no heading with that anchor in docs/guide/start.md" },
    ]);
  });

  it("checks only Markdown under docs.roots, and leaves a map inside docs/ to agents/dead-link", () => {
    const { findings } = checkRule(
      {
        "guard.yaml": "docs:\n  roots: [handbook]\n",
        "handbook/a.md": "[gone](gone.md)\n",
        "docs/b.md": "[gone](gone.md)\n",
        "handbook/AGENTS.md": "[gone](gone.md)\n",
      },
      RULE,
    );
    expect(findings).toEqual([{ file: "handbook/a.md", line: 1, column: 1, message: "link to gone.md: no such file or folder (handbook/gone.md)" }]);
  });

  it("stays quiet on docs-site links, git-ignored outputs, paths outside the repo and odd escapes it cannot judge", () => {
    const doc = [
      "---",
      "title: Guide",
      "---",
      "# Guide",
      "",
      "[intro](./intro) [html](intro.html) [static](/img/logo.png) [coverage](../coverage/index.html)",
      "[outside](../../../elsewhere/x.md) [encoded](how%20to.md) [vitepress](./intro.md#custom-id) [site style](./intro.md#build-target)",
      "[linked code](../src/app.ts) [badge heading](./intro.md#options) [code heading](./intro.md#content)",
      "",
    ].join("\n");
    const { findings } = checkRule(
      {
        ".gitignore": "coverage/\n",
        "docs/guide.md": doc,
        "docs/intro.md": "# Intro {#custom-id}\n\n## build.target\n\n## Options <Badge text=\"new\" />\n\n## `<Content />` <Badge type=\"info\" text=\"component\" />\n",
        "docs/how to.md": "# How\n",
        "src/app.ts": "export {};\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("never crashes on a malformed %-escape: it reports the link as written", () => {
    const { findings } = checkRule({ "docs/a.md": "[bad](docs%E0%A4%A.md) [pct](100%.md)\n" }, RULE);
    expect(findings).toEqual([
      { file: "docs/a.md", line: 1, column: 1, message: "link to docs%E0%A4%A.md: no such file or folder (docs/docs%E0%A4%A.md)" },
      { file: "docs/a.md", line: 1, column: 24, message: "link to 100%.md: no such file or folder (docs/100%.md)" },
    ]);
  });

  it("accepts a site-style link in another case (sites serve docs/CONTRIBUTING.md at /docs/contributing), not a file link in the wrong case", () => {
    const { findings } = checkRule(
      {
        "docs/index.md": "[site](/docs/contributing) [html](./contributing.html) [file](./contributing.md) [two](./notes)\n",
        "docs/CONTRIBUTING.md": "# Contributing\n",
        "docs/Notes.md": "# Notes\n",
        "docs/NOTES.md": "# NOTES: which one a site serves for ./notes is not ours to guess\n",
      },
      RULE,
    );
    expect(findings.map((f) => f.message)).toEqual([
      "link to ./contributing.md: no such file or folder (docs/contributing.md); did you mean CONTRIBUTING.md?",
      "link to ./notes: no such file or folder (docs/notes)",
    ]);
  });

  it("reads a docs site's routes: Docusaurus doc ids and versions, pages served as folders; still fires on a route that names no page", () => {
    const { findings } = checkRule(
      {
        "website/sidebars.json": JSON.stringify({ docs: ["getting-started"] }),
        "website/docusaurus.config.js": "module.exports = { presets: [['classic', { docs: { path: '../docs' } }]] };\n",
        "website/versioned_docs/version-1.x/Upgrading.md": "---\nid: upgrading\n---\n# Upgrading\n",
        "docs/GettingStarted.md": "---\nid: getting-started\n---\n# Getting started\n\n## Install\n",
        "docs/Api.md": [
          "[id](getting-started#install) [rooted](/docs/getting-started) [version](/docs/1.x/upgrading)",
          "[folder url](../getting-started) [gone](/docs/removed-page) [bad anchor](getting-started#nowhere)",
          "",
        ].join("\n"),
      },
      RULE,
    );
    expect(findings.map((f) => f.message)).toEqual([
      "link to /docs/removed-page: no such file or folder (docs/removed-page)",
      "link to getting-started#nowhere: no heading with that anchor in docs/GettingStarted.md",
    ]);
  });
});
