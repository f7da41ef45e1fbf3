import { describe, expect, it } from "vitest";
import { checkJson, checkRule, execGit, makeRepo, runGuard, writeFiles, type FileTree } from "../../helpers/repo.js";

const RULE = "docs/orphan";

/** The docs the rule reports, by file. */
function orphans(files: FileTree): string[] {
  return checkRule(files, RULE).findings.map((finding) => finding.file);
}

// A map that leads nowhere: every doc reached below is reached through a navigation or a mention.
const MAP = { "AGENTS.md": "# Map\n\nBuild with `make`.\n" };

describe("docs/orphan: when a navigation counts", () => {
  it("a navigation outside the docs roots counts only when a map leads to it: by a link, a folder or the file named in inline code", () => {
    const files: FileTree = {
      "guard.yaml": "docs:\n  roots: [docs/guides]\n",
      "mkdocs.yml": "nav:\n  - guides/a.md\n",
      "docs/guides/a.md": "# A\n",
      "docs/guides/b.md": "# B\n",
    };
    expect(orphans({ ...files, ...MAP })).toEqual(["docs/guides/a.md", "docs/guides/b.md"]);
    expect(orphans({ ...files, "AGENTS.md": "The site is built from `mkdocs.yml`.\n" })).toEqual(["docs/guides/b.md"]);
    expect(orphans({ ...files, "AGENTS.md": "See [the site config](mkdocs.yml).\n" })).toEqual(["docs/guides/b.md"]);
    expect(orphans({ ...files, "AGENTS.md": "The docs site lives in `docs/`.\n" })).toEqual(["docs/guides/b.md"]);
  });

  it("docs.nav: [] reads no navigation; a configured path reads a file of any name", () => {
    const files: FileTree = {
      ...MAP,
      "docs/sidebar.json": JSON.stringify([{ slug: "a" }]),
      "docs/site-menu.yml": "- label: B\n  path: b.md\n",
      "docs/a.md": "# A\n",
      "docs/b.md": "# B\n",
    };
    expect(orphans(files)).toEqual(["docs/b.md"]);
    expect(orphans({ ...files, "guard.yaml": "docs:\n  nav: []\n" })).toEqual(["docs/a.md", "docs/b.md"]);
    expect(orphans({ ...files, "guard.yaml": "docs:\n  nav: [docs/site-menu.yml]\n" })).toEqual(["docs/a.md"]);
    const script = { ...files, "docs/menu.ts": "export const menu = [{ title: 'B', path: 'b' }, 'a'];\n" };
    expect(orphans({ ...script, "guard.yaml": "docs:\n  nav: [docs/menu.ts]\n" })).toEqual([]);
  });
});

describe("docs/orphan: the navigation as a related place", () => {
  it("names the site's navigation in the fix and as related, so --staged reports a page the staged nav drops", () => {
    const { dir, findings } = checkRule(
      {
        ...MAP,
        "docs/sidebar.json": JSON.stringify([{ slug: "a" }, { slug: "b" }]),
        "docs/a.md": "# A\n",
        "docs/b.md": "# B\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
    writeFiles(dir, { "docs/sidebar.json": JSON.stringify([{ slug: "a" }]) });
    execGit(dir, ["add", "docs/sidebar.json"]);
    const report = checkJson(dir, ["--only", RULE, "--staged"]);
    expect(report.diagnostics.map((d) => d.file)).toEqual(["docs/b.md"]);
    expect(report.diagnostics[0]!.related).toEqual([
      { file: "AGENTS.md", message: "agent map" },
      { file: "docs/sidebar.json", message: "docs-site navigation" },
    ]);
    expect(report.diagnostics[0]!.fix).toBe(
      "Add a Markdown link to docs/b.md in AGENTS.md (or in another doc that an agent map already leads to), or list it in the site's navigation docs/sidebar.json, or delete docs/b.md if it is obsolete.",
    );
  });
});

describe("docs/orphan: malformed navigation files", () => {
  it("reads nothing from a broken file, reports its pages as before, says why it skipped it, and never crashes", () => {
    const dir = makeRepo({
      ...MAP,
      "mkdocs.yml": "nav:\n  - [index.md\n  bad: : :\n",
      "docs/sidebars.json": "{ not json",
      "docs/.vitepress/config.ts": "export default { themeConfig: { sidebar: [{ link: `/a${",
      "docs/_meta.json": "[1, 2]",
      "docs/meta.json": Buffer.from([0, 159, 146, 150, 0, 1]),
      "docs/docs.json": '{"navigation": "odd"}',
      "docs/page.md": "# Page\n",
    });
    const run = runGuard(dir, ["check", "--only", RULE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("docs/page.md:1:1  error  docs/page.md is not reachable from any agent map");
    expect(run.stdout).toMatch(/skipped mkdocs\.yml: navigation not read: not valid YAML/);
    expect(run.stdout).toMatch(/skipped docs\/sidebars\.json: navigation not read: not valid JSON/);
    expect(run.stdout).toContain("skipped docs/_meta.json: navigation not read: not a Nextra _meta.json (no object at the top)");
  });
});

describe("docs/orphan: folder mentions", () => {
  it("a folder named in inline code reaches its index or README, with or without the trailing slash", () => {
    const files: FileTree = {
      "docs/README.md": "# Docs\n\n- [Setup](setup.md)\n",
      "docs/setup.md": "# Setup\n",
      "docs/other/notes.md": "# Notes\n",
    };
    expect(orphans({ ...files, "AGENTS.md": "The docs are in `docs/`.\n" })).toEqual(["docs/other/notes.md"]);
    expect(orphans({ ...files, "AGENTS.md": "The docs are in `docs`.\n" })).toEqual(["docs/other/notes.md"]);
    // A folder without an index leads nowhere; a word that names no folder is no mention.
    expect(orphans({ ...files, "AGENTS.md": "Notes in `docs/other/`; see `guides/`.\n" })).toEqual(["docs/README.md", "docs/other/notes.md", "docs/setup.md"]);
  });
});
