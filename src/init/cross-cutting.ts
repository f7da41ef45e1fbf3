import type { CrossCuttingChoice, FileEdge, FolderCycle, SourceShape, Unit, UnitGraph } from "./types.js";
import type { RankedLayer } from "./layer-rank.js";
import { withoutUnits } from "./unit-graph.js";

/** Names of folders that hold what every other folder uses. */
const SHARED_NAME = /^(shared|common|utils?|lib|libs|helpers?|types|constants)$/i;
/**
 * Folders of test helpers (test-utils, testing, __mocks__): imported by tests everywhere, importing
 * what they help test. Not a test suite (`test/`, `e2e/`): nothing should import that, so it is a layer on top.
 */
const TEST_SUPPORT_NAME = /^(?:test-?utils|test-?helpers|test-?support|testutils|testing|mocks?|fixtures|__mocks__|__fixtures__)$/i;
/** "Nearly every other folder" imports a shared folder before it may become cross-cutting. */
const CROSS_CUTTING_SHARE = 0.75;

export interface Ordering {
  ranked: RankedLayer[];
  against: FileEdge[];
  cycles: FolderCycle[];
  graph: UnitGraph;
}

/** Fewer imports against the order first, then fewer folders merged into a shared layer. */
function cost(ordering: Ordering): [number, number] {
  const merged = ordering.cycles.filter((cycle) => cycle.resolution === "merged").reduce((sum, cycle) => sum + cycle.units.length, 0);
  return [ordering.against.length, merged];
}

const better = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * Shared folders (`utils`, `types`) that nearly every folder imports, and test-support folders
 * that tests everywhere import, may be cross-cutting rather than a layer: every layer may import
 * them, and they may import only themselves and the lowest layer. Each such folder becomes
 * cross-cutting when that leaves fewer imports against the order (or fewer folders merged).
 */
export function chooseCrossCutting(shape: SourceShape, full: UnitGraph, base: Ordering, order: (graph: UnitGraph) => Ordering): { ordering: Ordering; choices: CrossCuttingChoice[] } {
  let ordering = base;
  const choices: CrossCuttingChoice[] = [];
  for (const unit of shape.units) {
    const importers = shape.units.filter((other) => other !== unit && full.between(other.name, unit.name).length > 0).length;
    const shared = SHARED_NAME.test(unit.name) && importers >= 2 && importers >= CROSS_CUTTING_SHARE * (shape.units.length - 1);
    const testSupport = TEST_SUPPORT_NAME.test(unit.name) && importers >= 1;
    if (!shared && !testSupport) continue;
    const removed = new Set([...choices.map((choice) => choice.unit.name), unit.name]);
    const alternative = order(withoutUnits(full, removed));
    if (alternative.ranked.length < 2) continue;
    // Cross-cutting code may import only cross-cutting code and the lowest layer.
    const lowest = new Set(alternative.ranked[0]!.units);
    const extra = [...removed].flatMap((from) => full.targets(from).filter((to) => !removed.has(to) && !lowest.has(to)).flatMap((to) => full.between(from, to)));
    const candidate = { ...alternative, against: [...alternative.against, ...extra] };
    if (!better(cost(candidate), cost(ordering))) continue;
    choices.push({ unit, importers, why: why(unit, importers, ordering, candidate, alternative.ranked[0]!.name, testSupport) });
    ordering = candidate;
  }
  return { ordering, choices };
}

function why(unit: Unit, importers: number, before: Ordering, after: Ordering, lowest: string, testSupport: boolean): string {
  const kind = testSupport ? "test support" : "shared code";
  const [againstBefore] = cost(before);
  const [againstAfter] = cost(after);
  const caught = before.cycles.some((cycle) => cycle.resolution === "merged" && cycle.units.includes(unit.name));
  const instead = caught && againstBefore === againstAfter ? "as a layer it would be caught in a folder cycle" : `as a layer of its own, ${againstBefore} would`;
  return `${unit.dir}/ is ${kind} that ${importers} other ${importers === 1 ? "folder imports" : "folders import"}. As cross-cutting code (importable from every layer; it may import only itself and ${lowest}) ${againstAfter} imports go against the order; ${instead}.`;
}
