import { pairKey, type Condensed } from "./folder-cycles.js";
import type { UnitGraph } from "./types.js";

/** Up to this many groups, each is its own layer, named after its folder; more are grouped by depth. */
export const MAX_NAMED_LAYERS = 12;

export interface RankedLayer {
  name: string;
  units: string[];
}

/**
 * Orders the groups lowest first along the direction of today's imports (the imports set aside
 * in broken cycles excluded). Up to MAX_NAMED_LAYERS groups: one layer each, the most widely
 * imported ready group placed lowest, and the groups nothing imports together on top. More: one
 * layer per depth below the folders nothing imports, so that apps and examples end on top and
 * what everything imports at the bottom.
 */
export function rankLayers(graph: UnitGraph, condensed: Condensed, label: string): RankedLayer[] {
  const { groups } = condensed;
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => group.forEach((unit) => groupOf.set(unit, i)));
  const targets = groups.map(() => new Set<number>());
  const importers = groups.map(() => new Set<number>());
  const incoming = groups.map(() => 0);
  groups.forEach((group, i) => {
    for (const from of group) {
      for (const to of graph.targets(from)) {
        const j = groupOf.get(to)!;
        if (i === j || condensed.setAside.has(pairKey(from, to))) continue;
        targets[i]!.add(j);
        importers[j]!.add(i);
        incoming[j]! += graph.between(from, to).length;
      }
    }
  });
  const names = groups.map(groupName);
  if (groups.length <= MAX_NAMED_LAYERS) {
    const order = bottomUp(groups.length, targets, importers, incoming, names);
    // What nothing imports (entry points, apps, tests) shares the top: an order among them would be made up.
    const tops = order.filter((i) => importers[i]!.size === 0);
    const below = order.filter((i) => importers[i]!.size > 0).map((i) => ({ name: names[i]!, units: groups[i]! }));
    if (tops.length < 2) return order.map((i) => ({ name: names[i]!, units: groups[i]! }));
    const top = { name: tops.length <= 3 ? tops.map((i) => names[i]).join("+") : "top", units: tops.flatMap((i) => groups[i]!) };
    return [...below, top];
  }
  const depth = depths(groups.length, importers);
  const levels = Math.max(...depth) + 1;
  const layers: RankedLayer[] = [];
  for (let level = levels - 1; level >= 0; level--) {
    const members = groups.flatMap((_, i) => (depth[i] === level ? [i] : []));
    const name = members.length === 1 ? names[members[0]!]! : `${label}-${levels - level}`;
    layers.push({ name, units: members.flatMap((i) => groups[i]!) });
  }
  return layers;
}

/** Kahn's algorithm from the bottom: a group is ready once all it imports is placed. */
function bottomUp(count: number, targets: Set<number>[], importers: Set<number>[], incoming: number[], names: string[]): number[] {
  const placed = new Set<number>();
  const order: number[] = [];
  while (order.length < count) {
    const ready = [...Array(count).keys()].filter((i) => !placed.has(i) && [...targets[i]!].every((j) => placed.has(j)));
    ready.sort((a, b) => importers[b]!.size - importers[a]!.size || incoming[b]! - incoming[a]! || (names[a]! < names[b]! ? -1 : 1));
    const next = ready[0]!;
    placed.add(next);
    order.push(next);
  }
  return order;
}

/** Each group's longest chain of importers above it (0: nothing imports it). */
function depths(count: number, importers: Set<number>[]): number[] {
  const depth = new Array<number>(count).fill(-1);
  const visit = (i: number): number => {
    if (depth[i]! >= 0) return depth[i]!;
    depth[i] = 0; // the group DAG is acyclic; this only guards the recursion
    depth[i] = importers[i]!.size === 0 ? 0 : 1 + Math.max(...[...importers[i]!].map(visit));
    return depth[i]!;
  };
  for (let i = 0; i < count; i++) visit(i);
  return depth;
}

function groupName(group: string[]): string {
  if (group.length <= 3) return group.join("+");
  return `${group.slice(0, 2).join("+")}+${group.length - 2}-more`;
}
