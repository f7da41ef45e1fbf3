import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GUARD_BIN } from "../helpers/repo.js";

interface Cycle {
  files: string[];
  componentSize: number;
}
const { findCycles } = (await import(pathToFileURL(join(dirname(GUARD_BIN), "../src/graph/cycles.js")).href)) as {
  findCycles(files: readonly string[], successors: (file: string) => readonly string[]): Cycle[];
};

/** The slow, obvious answer: components from pairwise reachability, shortest cycles by plain BFS. */
function reference(files: string[], adjacency: Map<string, string[]>) {
  const reach = new Map<string, Set<string>>();
  for (const file of files) {
    const seen = new Set<string>();
    const stack = [...adjacency.get(file)!];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...adjacency.get(next)!);
    }
    reach.set(file, seen);
  }
  const components = new Map<string, string[]>();
  for (const file of files.filter((f) => reach.get(f)!.has(f))) {
    const members = files.filter((other) => reach.get(file)!.has(other) && reach.get(other)!.has(file)).sort();
    components.set(members[0]!, members);
  }
  return [...components.values()].map((members) => ({ start: members[0]!, size: members.length, shortest: shortestCycle(members[0]!, adjacency) }));
}

function shortestCycle(start: string, adjacency: Map<string, string[]>): number {
  let frontier = [start];
  const seen = new Set<string>();
  for (let length = 1; frontier.length > 0; length += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const target of adjacency.get(node)!) {
        if (target === start) return length;
        if (seen.has(target)) continue;
        seen.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return 0;
}

const graphs = fc
  .integer({ min: 1, max: 9 })
  .chain((size) => fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 })));

describe("findCycles", () => {
  it("reports each strongly connected component once, with a shortest cycle through its smallest file", () => {
    fc.assert(
      fc.property(graphs, ([size, pairs]) => {
        const files = Array.from({ length: size }, (_, i) => `f${i}.ts`);
        const adjacency = new Map(files.map((file) => [file, [] as string[]]));
        for (const [from, to] of pairs) if (!adjacency.get(files[from]!)!.includes(files[to]!)) adjacency.get(files[from]!)!.push(files[to]!);
        const found = findCycles(files, (file) => adjacency.get(file)!);
        const expected = reference(files, adjacency);
        expect(found.map((cycle) => [cycle.files[0], cycle.componentSize, cycle.files.length]).sort()).toEqual(
          expected.map((component) => [component.start, component.size, component.shortest]).sort(),
        );
        for (const { files: chain } of found) {
          expect(new Set(chain).size).toBe(chain.length);
          chain.forEach((file, i) => expect(adjacency.get(file)).toContain(chain[(i + 1) % chain.length]));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
