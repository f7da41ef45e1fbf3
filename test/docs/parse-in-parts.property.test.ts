import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { MarkdownDoc } from "../../src/docs/model.js";

// The built modules (GUARD_DIST=/path/to/build selects another build folder).
const dist = process.env.GUARD_DIST ?? "../../dist";
const { parseMarkdown } = (await import(`${dist}/src/docs/parse-markdown.js`)) as {
  parseMarkdown(path: string, text: string, partChars?: number): MarkdownDoc;
};
const { parseInParts } = (await import(`${dist}/src/docs/parse-parts.js`)) as {
  parseInParts(text: string, parse: (source: string) => Root, partChars?: number): unknown[];
};
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const partsOf = (text: string, partChars: number) => parseInParts(text, (source) => processor.parse(source) as Root, partChars).length;

/**
 * Blocks that stress a cut: ones that stay open across blank lines (fences, HTML, lists, quotes,
 * footnotes), lines that look like cut points inside them, references whose definitions stand
 * far away, front-matter, duplicate headings (slugs), CRLF and tabs.
 */
const BLOCKS = [
  "# Title", "## 1.2.3", "### Patch Changes", "## Same", "## Same", "#", "#no-space", "Setext\n===",
  "- abc123: fix `streamText` [x](a.md)", "- item\n\n  continued", "- a\n  - nested [y][ref]", "1. one\n2. two",
  "* star\n\nLazy paragraph", "> quote\nlazy line", "> quote\n\n> again",
  "```\ncode\n\n## not a heading\n\nplain in code\n```", "```js\nunclosed fence\n\n# inside", "~~~~\n~~~\n\nText\n~~~~",
  "  ```\n  indented fence\n\nText after\n```", "<!-- comment\n\n## in comment\n\n-->", "<!-- one line -->",
  "<div>\n\nHTML block\n</div>", "<pre>\n\n## pre\n\n</pre>", "    indented code\n\n    ## still code",
  "[ref]: https://example.com", "[Ref Two]: <other.md> \"title\"", "See [text][ref] and [Ref two] and [missing].",
  "Footnote[^1] here.", "[^1]: The note\n\n    continued note", "| a | b |\n| - | - |\n| `c` | [d](e.md) |",
  "Text with <https://auto.link> and www.example.com and `code`", "Para\r\nwith CRLF", "\tTabbed", "Setext two\n---", "***",
  "Plain paragraph [link](docs/a.md#anchor) ![img](i.png)", "Term\n: not a definition list", "A line\\\nhard break",
];

const document = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.constantFrom(...BLOCKS), { maxLength: 40 }),
    fc.array(fc.constantFrom("\n", "\n\n", "\n\n\n", "\r\n\r\n"), { minLength: 40, maxLength: 40 }),
  )
  .map(([frontMatter, blocks, gaps]) => {
    const body = blocks.map((block, i) => block + gaps[i]).join("");
    return frontMatter ? `---\ntitle: x\n\n## not a heading\n---\n${body}` : body;
  });

describe("parsing a long file in parts", () => {
  it("gives the same model, positions included, as parsing it whole", () => {
    let cut = 0;
    fc.assert(
      fc.property(document, fc.constantFrom(1, 8, 40, 120), (text, partChars) => {
        expect(parseMarkdown("a.md", text, partChars)).toEqual(parseMarkdown("a.md", text, Infinity));
        if (partsOf(text, partChars) > 1) cut++;
      }),
      { numRuns: 800 },
    );
    expect(cut).toBeGreaterThan(200); // many documents were really cut (the rest are short or have no cut point)
  });

  it("gives the same model on a changelog of hundreds of releases", () => {
    const releases = Array.from({ length: 400 }, (_, i) =>
      [`## 1.${i}.0`, "", "### Patch Changes", "", `- ${(i * 7919).toString(16)}: fix [the thing][ref] in \`streamText\``, "- Updated dependencies", `  - @ai-sdk/x@1.${i}.0`, ""].join("\n"),
    );
    const text = `# ai\n\n${releases.join("\n")}\n[ref]: https://example.com\n`;
    const parts = parseMarkdown("CHANGELOG.md", text);
    expect(text.length).toBeGreaterThan(40_000); // long enough to be parsed in parts by default
    expect(parts).toEqual(parseMarkdown("CHANGELOG.md", text, Infinity));
    expect(parts.headings.filter((heading) => heading.text === "Patch Changes").map((heading) => heading.slug).slice(0, 3)).toEqual([
      "patch-changes",
      "patch-changes-1",
      "patch-changes-2",
    ]);
  });
});
