import { slug } from "github-slugger";
import type { MarkdownDoc } from "../../docs/model.js";
import type { Workspace } from "../workspace.js";

// `<a name="x">`, `<a id="x">`, `<h2 id="x">`, `<div id='x'>` …: explicit anchors GitHub keeps.
const HTML_ANCHOR = /<[a-z][a-z0-9-]*\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
// GitHub line anchors: #L10, #L10-L20, #L10C2-L12C5.
const LINE_ANCHOR = /^L\d+(C\d+)?(-L\d+(C\d+)?)?$/i;
// `## Options {#options}`: an explicit id (VitePress, Docusaurus, kramdown, Pandoc).
const CUSTOM_ID = /\{#([^}\s]+)\}/g;
const INLINE_HTML = /<[^>]*>/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

export function isLineAnchor(anchor: string): boolean {
  return LINE_ANCHOR.test(anchor);
}

/** How GitHub compares a fragment with an anchor: case-insensitively, `user-content-` optional. */
export function normalizeAnchor(anchor: string): string {
  return anchor.toLowerCase().replace(/^user-content-/, "");
}

/**
 * Letters and digits only. Docs sites slug `build.target` as `build-target` where GitHub writes
 * `buildtarget`; comparing this way accepts both and still catches a misspelt word.
 */
function loose(anchor: string): string {
  return anchor.toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

export interface Anchors {
  /** Anchors that exist in the document, compared letters and digits only. */
  all: Set<string>;
  /** Heading slugs, in document order, for "did you mean". */
  slugs: string[];
}

/** Every anchor a Markdown file offers: heading slugs (github-slugger) and explicit HTML ids. */
export function anchorsOf(workspace: Workspace, doc: MarkdownDoc): Anchors {
  return workspace.shared(`link-anchors:${doc.path}`, () => {
    const slugs = doc.headings.map((heading) => heading.slug);
    const all = new Set(slugs.map(loose));
    for (const heading of doc.headings) {
      // GitHub drops inline HTML (`<Badge />`) before slugging; the parsed text keeps it. Code
      // (`` `<Content />` ``) is text, though it looks like a tag: its brackets are kept out of the way.
      const code = doc.inlineCode.filter((span) => span.line >= heading.line && span.endLine <= heading.endLine && span.value.includes("<"));
      const text = code.reduce((text, span) => text.replace(span.value, span.value.replace(/[<>]/g, " ")), heading.text);
      all.add(loose(slug(text.replace(INLINE_HTML, "").replace(CUSTOM_ID, ""))));
      for (const match of heading.text.matchAll(CUSTOM_ID)) all.add(loose(match[1]!));
    }
    for (const match of doc.text.matchAll(HTML_ANCHOR)) {
      const id = match[1] ?? match[2] ?? match[3];
      if (id) all.add(loose(normalizeAnchor(id)));
    }
    return { all, slugs };
  });
}

/** True when following `#anchor` into `doc` lands somewhere (empty and `#top` always do). */
export function hasAnchor(anchors: Anchors, anchor: string): boolean {
  const wanted = normalizeAnchor(anchor);
  return wanted === "" || wanted === "top" || isLineAnchor(anchor) || anchors.all.has(loose(wanted));
}
