import { posix } from "node:path";
import type { Paragraph } from "../../docs/model.js";
import { defineRule } from "../rule.js";
import type { Workspace } from "../workspace.js";

const MIN_CHARS = 160;
const EXCERPT_CHARS = 60;

/** What a file is to this rule; a file can be several (docs/README.md is a doc and a README). */
interface Kinds {
  doc: boolean;
  map: boolean;
  readme: boolean;
}

interface Place {
  file: string;
  line: number;
  column: number;
}

/** The first place of a paragraph in each kind of file, in sorted file order. */
type FirstPlaces = Partial<Record<keyof Kinds, Place>>;

export default defineRule({
  meta: {
    id: "docs/duplicate",
    description: "The same paragraph stands in two docs, in a doc and a map, or in a map and a README.md.",
    severity: "warn",
    markdown: (workspace) => candidateFiles(workspace).map(([file]) => file),
    messages: {
      duplicate: 'This paragraph also stands in {other} (line {otherLine}): "{excerpt}…"; two copies will drift apart',
    },
    fix: "Keep this text in one place: delete it from {file} and link to {other} instead (or move it and link the other way), so only one copy needs updating.",
  },
  check({ workspace, report }) {
    const first = new Map<string, FirstPlaces>();
    for (const [file, kinds] of candidateFiles(workspace)) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      let lines: string[] | undefined;
      for (const paragraph of doc.paragraphs) {
        const key = normalise(paragraph.text);
        if (key.length < MIN_CHARS) continue;
        lines ??= doc.text.split("\n");
        if (inBlockQuote(lines, paragraph)) continue; // a quotation cites on purpose
        const places = first.get(key) ?? {};
        first.set(key, places);
        const earlier = pairedPlace(places, kinds, file);
        for (const kind of ["doc", "map", "readme"] as const) if (kinds[kind]) places[kind] ??= { file, line: paragraph.line, column: paragraph.column };
        if (!earlier) continue;
        report({
          file,
          line: paragraph.line,
          column: paragraph.column,
          endLine: paragraph.endLine,
          endColumn: paragraph.endColumn,
          messageId: "duplicate",
          data: { file, other: earlier.file, otherLine: earlier.line, excerpt: paragraph.text.replace(/\s+/g, " ").trim().slice(0, EXCERPT_CHARS) },
          evidence: { paragraph: key.slice(0, EXCERPT_CHARS), other: earlier.file },
          related: [{ file: earlier.file, line: earlier.line, column: earlier.column, message: "first copy" }],
        });
      }
    }
  },
});

/**
 * Docs, maps and README.md files, in sorted order. Pairs that count: doc–doc, doc–map and
 * map–README (map–map is agents/claude-drift's business; README–README and doc–README
 * outside the docs roots are usually deliberate package blurbs).
 */
function candidateFiles(workspace: Workspace): [string, Kinds][] {
  const maps = new Set(workspace.maps());
  const files: [string, Kinds][] = [];
  for (const file of workspace.markdownFiles()) {
    const kinds = { doc: workspace.inDocsRoot(file), map: maps.has(file), readme: posix.basename(file).toLowerCase() === "readme.md" };
    if (kinds.doc || kinds.map || kinds.readme) files.push([file, kinds]);
  }
  return files;
}

/** The earliest other-file place this occurrence pairs with, if any. */
function pairedPlace(places: FirstPlaces, kinds: Kinds, file: string): Place | undefined {
  const candidates: (Place | undefined)[] = [];
  if (kinds.doc) candidates.push(places.doc, places.map);
  if (kinds.map) candidates.push(places.doc, places.readme);
  if (kinds.readme) candidates.push(places.map);
  let best: Place | undefined;
  for (const place of candidates) {
    if (!place || place.file === file) continue;
    if (!best || place.file < best.file || (place.file === best.file && place.line < best.line)) best = place;
  }
  return best;
}

/** Whitespace collapsed and case folded, so reflowed or re-cased copies still match. */
function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function inBlockQuote(lines: string[], paragraph: Paragraph): boolean {
  return /^\s*>/.test(lines[paragraph.line - 1] ?? "");
}
