import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { defaultConfig } from "../../config/defaults.js";
import type { WrittenGlob } from "../../config/rule-file-types.js";

/**
 * The globs a guard.yaml writes, with their positions: `layers[].paths`, `crossCutting`,
 * `publicEntry` keys, `docs.roots`, `docs.nav` (not `auto`) and `agents.maps`. Not `exclude`: excluding what is not
 * there (`dist/**` before the first build) is harmless. A `docs.roots` or `agents.maps` entry
 * that only restates the default is left out too: it is what guard does anyway.
 */
export function configGlobs(text: string, source: string): WrittenGlob[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  // Loading the config already failed on a broken file; nothing to add here.
  if (document.errors.length > 0) return [];
  const globs: WrittenGlob[] = [];
  const add = (node: unknown, field: string, skip: readonly string[] = []): void => {
    if (!isScalar(node) || typeof node.value !== "string" || skip.includes(node.value)) return;
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    globs.push({ source, field, glob: node.value, line, column: col });
  };
  const list = (node: unknown, field: string, skip: readonly string[] = []): void => {
    if (isSeq(node)) node.items.forEach((item) => add(item, field, skip));
    else add(node, field, skip);
  };

  const root = document.contents;
  const defaults = defaultConfig("");
  const layers = child(root, "layers");
  if (isSeq(layers)) layers.items.forEach((layer, index) => list(child(layer, "paths"), `layers.${index}.paths`));
  list(child(root, "crossCutting"), "crossCutting");
  const publicEntry = child(root, "publicEntry");
  if (isMap(publicEntry)) for (const pair of publicEntry.items) add(pair.key, "publicEntry");
  list(child(child(root, "docs"), "roots"), "docs.roots", defaults.docs.roots);
  list(child(child(root, "docs"), "nav"), "docs.nav", ["auto"]);
  list(child(child(root, "agents"), "maps"), "agents.maps", defaults.agents.maps);
  return globs;
}

function child(node: unknown, key: string): unknown {
  return isMap(node) ? node.get(key, true) : undefined;
}
