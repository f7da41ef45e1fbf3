import { LineCounter, parseDocument, isMap, isPair, isScalar, visit, type Document, type Node } from "yaml";
import { UsageError } from "../core/errors.js";

/** A parsed YAML file that can turn a value path back into `file:line:col`. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Location of the value at `path`; of its key instead when `key` is true. */
  locate(path: readonly PropertyKey[], key?: boolean): string;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new UsageError(`invalid YAML: ${firstSentence(first.message)}`, {
      where: `${file}:${line}:${col}`,
      expected: "a YAML mapping, e.g. `docs:` followed by indented keys",
      suggestion: "check the indentation and quoting around this position",
    });
  }
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  return {
    file,
    value: toValue(document, file, at),
    locate(path, key = false) {
      const node = findNode(document, path, key);
      const offset = node?.range?.[0] ?? document.contents?.range?.[0] ?? 0;
      return at(offset);
    },
  };
}

/**
 * The plain value. `toJS` throws on an alias whose anchor comes later (or never) and on
 * alias bombs; both are the user's YAML, so they become located errors, not crashes.
 */
function toValue(document: Document, file: string, at: (offset: number) => string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    let where = `${file}:1:1`;
    visit(document, {
      Alias(_, alias) {
        if (alias.resolve(document) !== undefined) return undefined;
        where = at(alias.range?.[0] ?? 0);
        return visit.BREAK;
      },
    });
    throw new UsageError(`invalid YAML: ${firstSentence((error as Error).message)}`, {
      where,
      expected: "each alias (*name) after the anchor (&name) it refers to, and no deeply nested aliases",
      suggestion: "write the value out instead of using an alias",
    });
  }
}

/** Walks down the document; stops at the deepest node that exists, so positions stay useful. */
function findNode(document: Document, path: readonly PropertyKey[], key: boolean): Node | undefined {
  let node: unknown = document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (node && typeof node === "object" && "items" in node && Array.isArray(node.items) && typeof segment === "number") {
      const next = node.items[segment];
      if (next === undefined) break;
      keyNode = undefined;
      node = next;
    } else {
      break;
    }
  }
  if (key && keyNode) return keyNode;
  return (node as Node | null) ?? keyNode;
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
