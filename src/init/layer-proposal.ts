import type { ImportGraph } from "../graph/types.js";
import { featureFolders } from "./feature-folders.js";
import { chooseCrossCutting, type Ordering } from "./cross-cutting.js";
import { condense, MAX_AGAINST, MAX_AGAINST_SHARE } from "./folder-cycles.js";
import { rankLayers, type RankedLayer } from "./layer-rank.js";
import { placeRootFiles } from "./root-files.js";
import type { FileEdge, LayerProposal, ProposedLayer, SourceShape, UnitGraph } from "./types.js";
import { unitGraph } from "./unit-graph.js";

/**
 * Layers in the direction today's imports already take: the folder graph's cycles broken at
 * their weakest imports (or merged), then a topological order. None when that order has more
 * than a few imports against it, or when one tangle holds most folders.
 */
export function proposeLayers(shape: SourceShape, graph: ImportGraph): LayerProposal {
  const empty = (why: string): LayerProposal => ({ layers: [], crossCutting: [], against: [], along: 0, cycles: [], features: [], why });
  if (shape.units.length < 2) return empty(shape.notes.at(-1) ?? "Fewer than two folders hold code.");
  const full = unitGraph(graph, shape.units);
  if (full.total === 0) return empty(`The ${shape.units.length} candidate folders do not import each other, so no order follows from today's code.`);
  const chosen = chooseCrossCutting(shape, full, order(full, shape.label), (graph) => order(graph, shape.label));
  const { ordering, choices: crossCutting } = chosen;
  const cycles = ordering.cycles;
  const tangle = cycles.find((cycle) => cycle.resolution === "merged" && cycle.units.length * 2 > shape.units.length);
  if (tangle) return { ...empty(`${tangle.units.length} of the ${shape.units.length} folders import each other in a cycle (${tangle.counts.slice(0, 4).join(", ")}), so no order of layers fits today's code.`), cycles };
  if (ordering.ranked.length < 2) return { ...empty("The folders that hold code form one cycle, so no order of layers fits today's code."), cycles };
  const placed = placeRootFiles(shape.rootFiles, graph, ordering.ranked, shape.units);
  const against = [...ordering.against, ...placed.against].sort(compareEdges);
  const cross = full.total + placed.edges;
  if (against.length > MAX_AGAINST || against.length > MAX_AGAINST_SHARE * cross) {
    return { ...empty(`The best order found still has ${against.length} of ${cross} imports between folders going against it (more than ${MAX_AGAINST_SHARE * 100}% or ${MAX_AGAINST}): today's code breaks any order of these folders.`), cycles };
  }
  const layers = ordering.ranked.map((layer, rank): ProposedLayer => ({
    name: layer.name,
    units: layer.units.map((name) => shape.units.find((unit) => unit.name === name)!),
    files: placed.files.get(rank) ?? [],
    ...neighbours(ordering.graph, ordering.ranked, rank),
  }));
  const along = countAlong(ordering.graph, ordering.ranked) + placed.along;
  return { layers, crossCutting, against, along, cycles, features: featureFolders(shape, graph) };
}

function order(graph: UnitGraph, label: string): Ordering {
  const condensed = condense(graph);
  const ranked = rankLayers(graph, condensed, label);
  const rank = rankOf(ranked);
  const against: FileEdge[] = [];
  for (const from of graph.units) {
    for (const to of graph.targets(from.name)) if (rank.get(from.name)! < rank.get(to)!) against.push(...graph.between(from.name, to));
  }
  return { ranked, against: against.sort(compareEdges), cycles: condensed.cycles, graph };
}

function rankOf(ranked: readonly RankedLayer[]): Map<string, number> {
  return new Map(ranked.flatMap((layer, rank) => layer.units.map((unit) => [unit, rank] as const)));
}

function countAlong(graph: UnitGraph, ranked: readonly RankedLayer[]): number {
  const rank = rankOf(ranked);
  let along = 0;
  for (const from of graph.units) for (const to of graph.targets(from.name)) if (rank.get(from.name)! > rank.get(to)!) along += graph.between(from.name, to).length;
  return along;
}

/** Which other layers import this one, and which it imports, with counts (for its comment). */
function neighbours(graph: UnitGraph, ranked: readonly RankedLayer[], rank: number): Pick<ProposedLayer, "importedBy" | "imports"> {
  const rankOfUnit = rankOf(ranked);
  const importedBy = new Map<string, number>();
  const imports = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const from of graph.units) {
    for (const to of graph.targets(from.name)) {
      const a = rankOfUnit.get(from.name)!;
      const b = rankOfUnit.get(to)!;
      const n = graph.between(from.name, to).length;
      if (b === rank && a !== rank) add(importedBy, ranked[a]!.name, n);
      if (a === rank && b !== rank) add(imports, ranked[b]!.name, n);
    }
  }
  return { importedBy, imports };
}

export function compareEdges(a: FileEdge, b: FileEdge): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}
