import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { FrontMatter } from "../../docs/model.js";

/** A place in the file, 1-based, for a key or value of front-matter. */
export interface YamlPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FrontMatterEntry {
  key: string;
  /** The value as plain data (strings stay strings: the core schema has no dates). */
  value: unknown;
  keyPlace: YamlPlace;
  /** Where the value is written; the key's place when the value is empty (`owner:`). */
  valuePlace: YamlPlace;
}

export type LocatedFrontMatter =
  | { ok: true; entries: FrontMatterEntry[] }
  | { ok: false; message: string; line: number; column: number };

/**
 * Parses front-matter again, keeping where each key and each YAML error is in the file.
 * The Markdown model only keeps the parsed data; rules that point at a key need more.
 */
export function locateFrontMatter(frontMatter: FrontMatter): LocatedFrontMatter {
  // The YAML starts on the line after the opening `---`.
  const firstLine = frontMatter.line + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(frontMatter.raw, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  const error = document.errors[0];
  if (error) {
    const at = place(error.pos[0]);
    return { ok: false, message: firstSentence(error.message), ...at };
  }
  if (document.contents === null) return { ok: true, entries: [] };
  if (!isMap(document.contents)) {
    return { ok: false, message: "front-matter is not a mapping of keys", ...place(document.contents.range?.[0] ?? 0) };
  }
  const entries: FrontMatterEntry[] = [];
  for (const pair of document.contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode)) continue;
    const keyPlace = span(keyNode, place);
    const valueNode = pair.value as Node | null;
    // `owner:` with nothing after it still has an (empty) value node: point at the key then.
    const written = valueNode?.range && valueNode.range[1] > valueNode.range[0];
    const valuePlace = written ? span(valueNode, place) : keyPlace;
    let value: unknown = null;
    try {
      value = valueNode ? valueNode.toJS(document) : null;
    } catch (error) {
      // An unresolved alias (`globs: *.ts`) or an alias bomb only fails when the value is read.
      return { ok: false, message: firstSentence((error as Error).message), line: valuePlace.line, column: valuePlace.column };
    }
    entries.push({ key: String(keyNode.value), value, keyPlace, valuePlace });
  }
  return { ok: true, entries };
}

function span(node: Node, place: (offset: number) => { line: number; column: number }): YamlPlace {
  const [start, end] = node.range ?? [0, 0];
  const from = place(start);
  const to = place(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").trim();
}
