import { describe, expect, it } from "vitest";
import { checkJson, makeRepo, type FileTree } from "../helpers/repo.js";
import { init, prose, readText, writtenConfig } from "./init-support.js";

const PAGE = "# A page\n\nSome text.\n";

/** One docs site per navigation format: its files, the docs root init should find, the nav file it should name. */
const SITES: { site: string; files: FileTree; root: string; nav: string }[] = [
  {
    site: "MkDocs",
    files: { "mkdocs.yml": "site_name: Demo\nnav:\n  - Home: index.md\n  - Guide: guide.md\n", "docs/index.md": PAGE, "docs/guide.md": PAGE },
    root: "docs",
    nav: "mkdocs.yml",
  },
  {
    site: "MkDocs",
    files: { "mkdocs.yml": "site_name: Demo\ndocs_dir: 'handbook'  # not docs/\nnav:\n  - index.md\n", "handbook/index.md": PAGE },
    root: "handbook",
    nav: "mkdocs.yml",
  },
  {
    site: "mdBook",
    files: { "book/book.toml": '[book]\ntitle = "Demo"\n', "book/src/SUMMARY.md": "# Summary\n\n- [Intro](intro.md)\n", "book/src/intro.md": PAGE },
    root: "book/src",
    nav: "book/src/SUMMARY.md",
  },
  {
    site: "Docusaurus",
    files: { "website/sidebars.js": "module.exports = { docs: ['intro'] };\n", "website/docs/intro.md": PAGE },
    root: "website/docs",
    nav: "website/sidebars.js",
  },
  {
    site: "VitePress",
    files: { "docs/.vitepress/config.mts": "export default { themeConfig: { sidebar: [{ link: '/guide' }] } };\n", "docs/guide.md": PAGE },
    root: "docs",
    nav: "docs/.vitepress/config.mts",
  },
  {
    site: "Starlight",
    files: { "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ sidebar: ['guide'] })] };\n", "src/content/docs/guide.md": PAGE },
    root: "src/content/docs",
    nav: "astro.config.mjs",
  },
  {
    site: "Mintlify",
    files: { "docs/docs.json": JSON.stringify({ navigation: { pages: ["intro"] } }), "docs/intro.md": PAGE },
    root: "docs",
    nav: "docs/docs.json",
  },
  {
    site: "Nextra",
    files: { "pages/_meta.json": JSON.stringify({ index: "Home" }), "pages/index.md": PAGE },
    root: "pages",
    nav: "pages/_meta.json",
  },
  {
    site: "Fumadocs",
    files: { "content/docs/meta.json": JSON.stringify({ title: "Docs", pages: ["index"] }), "content/docs/index.md": PAGE },
    root: "content/docs",
    nav: "content/docs/meta.json",
  },
  {
    site: "sidebar",
    files: { "docs/sidebar.json": JSON.stringify([{ text: "Guide", link: "guide.md" }]), "docs/guide.md": PAGE },
    root: "docs",
    nav: "docs/sidebar.json",
  },
];

describe("guard init: docs roots and docs-site navigation files", () => {
  for (const { site, files, root, nav } of SITES) {
    it(`finds ${nav} (${site}) and its pages in ${root}/`, () => {
      const dir = makeRepo({ ...files, "README.md": "# demo\n" });
      const run = init(dir, ["--dry-run"]);
      const text = run.stdout.slice(run.stdout.indexOf("# guard.yaml"), run.stdout.indexOf("--- AGENTS.md"));
      expect(text).toContain(`  roots: ["${root}"]\n`);
      expect(text).toContain("  nav: [auto]\n");
      expect(prose(text)).toContain(`Docs-site navigation found: ${nav} (${site}).`);
    });
  }

  for (const { site, files, root } of SITES) {
    it(`writes a config for a ${site} site on which check reports only the page its navigation leaves out`, () => {
      const dir = makeRepo({ ...files, [`${root}/forgotten.md`]: PAGE, "README.md": "# demo\n" });
      init(dir);
      const found = checkJson(dir).diagnostics.map((d) => `${d.rule} ${d.file}`);
      expect(found).toEqual([`docs/orphan ${root}/forgotten.md`]);
    });
  }

  it("leaves names that only look like nav files alone: a plain docs.json, meta.json, SUMMARY.md, and sidebar.json outside a docs root", () => {
    const dir = makeRepo({
      "config/docs.json": JSON.stringify({ title: "not Mintlify" }),
      "data/meta.json": JSON.stringify({ version: 1 }),
      "notes/SUMMARY.md": "# Summary of the meeting\n",
      "app/sidebar.json": JSON.stringify({ items: ["home", "settings"] }),
      "app/README.md": "# The app\n",
      "astro.config.mjs": "export default {};\n",
      "docs/index.md": PAGE,
    });
    const run = init(dir, ["--dry-run"]);
    expect(run.stdout).toContain('  roots: ["docs"]\n');
    expect(run.stdout).not.toContain("nav:");
    expect(run.stdout).not.toContain("Docs-site navigation");
  });

  it("says that a docs folder of MDX pages is left alone, instead of proposing it as a root", () => {
    const dir = makeRepo({ "docs/index.mdx": "# Hi\n", "docs/guide.mdx": "# Guide\n", "README.md": "# demo\n" });
    const run = init(dir, ["--dry-run"]);
    expect(prose(run.stdout)).toContain("docs/ holds 2 MDX pages and no Markdown (.md) file; the docs/* checks read Markdown only");
    expect(run.stdout).not.toContain("roots:");
  });

  it("writes a config and a starter map for an MkDocs site on which the agents/* checks pass", () => {
    const dir = makeRepo({ ...SITES[0]!.files, "docs/changes/CHANGELOG.md": "# Changes\n\n- [old](../nowhere.md)\n" });
    init(dir);
    const { value, text } = writtenConfig(dir);
    expect(value.docs).toEqual({ roots: ["docs"], nav: ["auto"] });
    // A changelog inside the docs root is history, not a page: left out, with the reason.
    expect(value.exclude).toEqual(["docs/**/{CHANGELOG,CHANGES,HISTORY,changelog,changes,history}*.md"]);
    expect(prose(text)).toContain("changelogs in docs/: history, not pages a map should lead to (1 file)");
    const map = readText(dir, "AGENTS.md");
    expect(map).toContain("- [docs/index.md](docs/index.md): start here.");
    expect(map).toContain("- [mkdocs.yml](mkdocs.yml): the navigation of the MkDocs docs site.");
    // guide.md is reached through mkdocs.yml's nav only (docs.nav: auto), so nothing is an orphan.
    expect(checkJson(dir).diagnostics).toEqual([]);
  });
});
