import type { LayerGraphEdge, LayerGraphNode } from "../engine/layer-graph.js";

/** The lines of a node's label: its name, then how many code files it holds. */
export function nodeLabel(node: LayerGraphNode): string[] {
  return [node.name, `${node.files} ${node.files === 1 ? "file" : "files"}`];
}

/** An edge's label: its import count, or how many of them break the layer order. */
export function edgeLabel(edge: LayerGraphEdge): string {
  if (edge.violations === 0) return String(edge.imports);
  const violations = `✗ ${edge.violations} ${edge.violations === 1 ? "violation" : "violations"}`;
  return edge.violations === edge.imports ? violations : `${violations} of ${edge.imports}`;
}
