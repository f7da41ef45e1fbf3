import type { ImportGraph } from "../graph/types.js";
import type { FeatureFolders, FileEdge, SourceShape } from "./types.js";

/** Folders whose children are features: siblings that should not import each other. */
const FEATURE_NAMES = /^(features|modules|domains|slices)$/i;

/**
 * `src/features/*`: one layer for all of them (they sit at the same height), and the imports
 * from one feature into another today, which an `import` rule file with a `{name}` capture
 * would report (docs/rule-files.md).
 */
export function featureFolders(shape: SourceShape, graph: ImportGraph): FeatureFolders[] {
  if (shape.kind !== "source-root") return [];
  const found: FeatureFolders[] = [];
  for (const unit of shape.units.filter((candidate) => FEATURE_NAMES.test(candidate.name))) {
    const prefix = `${unit.dir}/`;
    const childOf = (file: string): string | undefined => {
      if (!file.startsWith(prefix)) return undefined;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf("/");
      return slash > 0 ? rest.slice(0, slash) : undefined;
    };
    const children = new Set(graph.files.flatMap((file) => childOf(file) ?? []));
    if (children.size < 2) continue;
    const crossings: FileEdge[] = [];
    for (const edge of graph.localEdges()) {
      if (edge.resolution.kind !== "local") continue;
      const from = childOf(edge.from);
      const to = childOf(edge.resolution.path);
      if (from !== undefined && to !== undefined && from !== to) crossings.push({ from: edge.from, target: edge.resolution.path });
    }
    found.push({ dir: unit.dir, children: [...children].sort(), crossings });
  }
  return found;
}
