import { posix } from "node:path";
import type { ImportGraph } from "../graph/types.js";
import type { FileEdge, Unit, UnitGraph } from "./types.js";

/** The unit a file belongs to: the deepest unit folder above it, memoised per folder. */
export function unitClassifier(units: readonly Unit[]): (file: string) => string | undefined {
  const byDir = new Map(units.map((unit) => [unit.dir, unit.name]));
  const byFolder = new Map<string, string | undefined>();
  const folderUnit = (folder: string): string | undefined => {
    if (folder === "." || folder === "") return undefined;
    if (!byFolder.has(folder)) byFolder.set(folder, byDir.get(folder) ?? folderUnit(posix.dirname(folder)));
    return byFolder.get(folder);
  };
  return (file) => folderUnit(posix.dirname(file));
}

/** Counts the local imports from one unit into another (every kind: type-only, dynamic, require). */
export function unitGraph(graph: ImportGraph, units: readonly Unit[]): UnitGraph {
  const unitOf = unitClassifier(units);
  const edges = new Map<string, Map<string, FileEdge[]>>();
  let total = 0;
  for (const edge of graph.localEdges()) {
    if (edge.resolution.kind !== "local") continue;
    const from = unitOf(edge.from);
    const to = unitOf(edge.resolution.path);
    if (from === undefined || to === undefined || from === to) continue;
    const targets = edges.get(from) ?? new Map<string, FileEdge[]>();
    edges.set(from, targets);
    const list = targets.get(to) ?? [];
    targets.set(to, list);
    list.push({ from: edge.from, target: edge.resolution.path });
    total += 1;
  }
  return {
    units,
    between: (from, to) => edges.get(from)?.get(to) ?? [],
    targets: (from) => [...(edges.get(from)?.keys() ?? [])].sort(),
    total,
  };
}

/** The same graph without some units (a unit chosen as cross-cutting leaves the order). */
export function withoutUnits(graph: UnitGraph, removed: ReadonlySet<string>): UnitGraph {
  const units = graph.units.filter((unit) => !removed.has(unit.name));
  let total = 0;
  for (const from of units) for (const to of graph.targets(from.name)) if (!removed.has(to)) total += graph.between(from.name, to).length;
  return {
    units,
    between: (from, to) => (removed.has(from) || removed.has(to) ? [] : graph.between(from, to)),
    targets: (from) => (removed.has(from) ? [] : graph.targets(from).filter((to) => !removed.has(to))),
    total,
  };
}
