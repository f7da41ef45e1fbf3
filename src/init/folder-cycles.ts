import { stronglyConnected } from "../graph/cycles.js";
import type { FolderCycle, UnitGraph } from "./types.js";

/** At most this share of the imports between folders may go against a proposed order. */
export const MAX_AGAINST_SHARE = 0.05;
/** A cycle whose weakest direction holds at most this share of its own imports is broken there; else it is one layer. */
const MAX_BREAK_SHARE = 0.1;
/** At most this many imports may go against a proposed order: each is listed, and each is a finding. */
export const MAX_AGAINST = 30;
/** Cycles of more folders than this are not searched for their best order: they are one layer. */
const MAX_EXACT = 12;

/** The units after cycles are dealt with: groups (a merged cycle is one group) and the imports set aside. */
export interface Condensed {
  /** Each group becomes one layer, or part of one; a merged cycle's units share a group. */
  groups: string[][];
  cycles: FolderCycle[];
  /** `from\0to` pairs whose imports go against the order chosen inside a broken cycle. */
  setAside: Set<string>;
}

export const pairKey = (from: string, to: string): string => `${from}\u0000${to}`;

interface Component {
  members: string[];
  order: string[];
  backward: number;
  internal: number;
}

/**
 * Finds the folder cycles (strongly connected components of the unit graph). A cycle that one
 * order satisfies but for a few imports is broken there (those imports go against the order);
 * one whose folders import each other freely is merged into one group.
 */
export function condense(graph: UnitGraph): Condensed {
  const weight = (from: string, to: string) => graph.between(from, to).length;
  const names = graph.units.map((unit) => unit.name);
  const components = stronglyConnected(names, (name) => graph.targets(name)).map((members) => members.sort());
  const cyclic: Component[] = components.filter((members) => members.length > 1).map((members) => bestOrder(members, weight));
  const broken = new Set(cyclic.filter((c) => c.backward <= MAX_BREAK_SHARE * c.internal));
  // Too many imports against the order in all: merge the cycles that cost the most until few remain.
  let against = [...broken].reduce((sum, c) => sum + c.backward, 0);
  for (const component of [...broken].sort((a, b) => b.backward - a.backward)) {
    if (against <= MAX_AGAINST) break;
    broken.delete(component);
    against -= component.backward;
  }
  const setAside = new Set<string>();
  const cycles: FolderCycle[] = [];
  const groupOf = new Map<string, string[]>();
  for (const component of cyclic) {
    const isBroken = broken.has(component);
    cycles.push({ units: component.order, counts: cycleCounts(component.members, weight), resolution: isBroken ? "broken" : "merged" });
    if (!isBroken) {
      for (const member of component.members) groupOf.set(member, component.order);
      continue;
    }
    component.order.forEach((lower, i) => {
      for (const higher of component.order.slice(i + 1)) if (weight(lower, higher) > 0) setAside.add(pairKey(lower, higher));
    });
  }
  const groups: string[][] = [];
  const seen = new Set<string[]>();
  for (const name of names) {
    const group = groupOf.get(name);
    if (!group) groups.push([name]);
    else if (!seen.has(group)) {
      seen.add(group);
      groups.push(group);
    }
  }
  return { groups, cycles, setAside };
}

/**
 * The order of a cycle's folders (lowest first) with the fewest imports from a lower folder into
 * a higher one: exact over subsets (Held–Karp style) for up to MAX_EXACT folders.
 */
function bestOrder(members: string[], weight: (from: string, to: string) => number): Component {
  const k = members.length;
  const matrix = members.map((from) => members.map((to) => (from === to ? 0 : weight(from, to))));
  const internal = matrix.flat().reduce((sum, n) => sum + n, 0);
  if (k > MAX_EXACT) return { members, order: members, backward: Infinity, internal };
  const size = 1 << k;
  const cost = new Float64Array(size).fill(Infinity);
  const last = new Int8Array(size).fill(-1);
  cost[0] = 0;
  for (let mask = 0; mask < size; mask++) {
    if (cost[mask] === Infinity) continue;
    for (let v = 0; v < k; v++) {
      if (mask & (1 << v)) continue;
      // v goes above every folder of `mask`: their imports of v go against the order.
      let extra = 0;
      for (let u = 0; u < k; u++) if (mask & (1 << u)) extra += matrix[u]![v]!;
      const next = mask | (1 << v);
      if (cost[mask]! + extra < cost[next]!) {
        cost[next] = cost[mask]! + extra;
        last[next] = v;
      }
    }
  }
  const order: string[] = [];
  for (let mask = size - 1; mask > 0; mask &= ~(1 << last[mask]!)) order.unshift(members[last[mask]!]!);
  return { members, order, backward: cost[size - 1]!, internal };
}

/** `a → b: 12` for every pair of the cycle with imports, most first (at most a dozen). */
function cycleCounts(members: string[], weight: (from: string, to: string) => number): string[] {
  const counts = members.flatMap((from) => members.filter((to) => to !== from).map((to) => ({ from, to, n: weight(from, to) })));
  return counts
    .filter((count) => count.n > 0)
    .sort((a, b) => b.n - a.n || (a.from < b.from ? -1 : 1))
    .slice(0, 12)
    .map((count) => `${count.from} → ${count.to}: ${count.n}`);
}
