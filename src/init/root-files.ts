import type { ImportGraph } from "../graph/types.js";
import type { RankedLayer } from "./layer-rank.js";
import type { FileEdge, Unit } from "./types.js";
import { unitClassifier } from "./unit-graph.js";

export interface RootFilePlacement {
  /** Root files by the rank of the layer they join. */
  files: Map<number, string[]>;
  against: FileEdge[];
  along: number;
  /** Imports between root files and layered folders, either way. */
  edges: number;
}

/**
 * A file directly in the source root (`src/index.ts`, `src/types.ts`) belongs to no folder, and
 * left out of every layer arch/unlayered would warn about it. It joins the layer where the fewest
 * of its imports, and of the imports of it, go against the order; of equals, the highest for an
 * entry point that nothing imports (`src/index.ts`), else the lowest (`src/types.ts`).
 */
export function placeRootFiles(rootFiles: readonly string[], graph: ImportGraph, ranked: readonly RankedLayer[], units: readonly Unit[]): RootFilePlacement {
  const result: RootFilePlacement = { files: new Map(), against: [], along: 0, edges: 0 };
  if (rootFiles.length === 0) return result;
  const unitOf = unitClassifier(units);
  const rank = new Map(ranked.flatMap((layer, i) => layer.units.map((unit) => [unit, i] as const)));
  const rankOfFile = (file: string): number | undefined => {
    const unit = unitOf(file);
    return unit === undefined ? undefined : rank.get(unit);
  };
  const roots = new Set(rootFiles);
  const outgoing = new Map<string, { edge: FileEdge; rank: number }[]>();
  const incoming = new Map<string, { edge: FileEdge; rank: number }[]>();
  for (const edge of graph.localEdges()) {
    if (edge.resolution.kind !== "local") continue;
    const target = edge.resolution.path;
    if (roots.has(edge.from) && !roots.has(target)) {
      const r = rankOfFile(target);
      if (r !== undefined) push(outgoing, edge.from, { edge: { from: edge.from, target }, rank: r });
    } else if (roots.has(target) && !roots.has(edge.from)) {
      const r = rankOfFile(edge.from);
      if (r !== undefined) push(incoming, target, { edge: { from: edge.from, target }, rank: r });
    }
  }
  for (const file of rootFiles) {
    const out = outgoing.get(file) ?? [];
    const into = incoming.get(file) ?? [];
    const cost = (layer: number) => out.filter((e) => e.rank > layer).length + into.filter((e) => e.rank < layer).length;
    // Of equal layers: an entry point (nothing imports it) goes highest, anything else lowest.
    const order = [...ranked.keys()];
    if (into.length === 0) order.reverse();
    let best = order[0]!;
    for (const layer of order) if (cost(layer) < cost(best)) best = layer;
    result.files.set(best, [...(result.files.get(best) ?? []), file]);
    for (const e of out) if (e.rank > best) result.against.push(e.edge);
    for (const e of into) if (e.rank < best) result.against.push(e.edge);
    result.along += out.filter((e) => e.rank < best).length + into.filter((e) => e.rank > best).length;
    result.edges += out.length + into.length;
  }
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
