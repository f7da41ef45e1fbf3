import type { LayerGraph } from "../engine/layer-graph.js";
import { edgeLabel, nodeLabel } from "./graph-labels.js";

/**
 * The layer graph in Graphviz DOT: the highest layer on top, allowed imports pointing down,
 * violating ones red. Pure: the same model gives the same bytes.
 */
export function formatGraphDot(graph: LayerGraph): string {
  const lines = ["digraph layers {", "  node [shape=box];"];
  for (const node of [...graph.nodes].reverse()) {
    const style = node.kind === "layer" ? "" : ", style=dashed";
    lines.push(`  ${quote(node.name)} [label=${quote(nodeLabel(node).join("\n"))}${style}];`);
  }
  for (const edge of graph.edges) {
    const style = edge.violations > 0 ? ", color=red, fontcolor=red, penwidth=2" : "";
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edgeLabel(edge))}${style}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** A DOT double-quoted string: backslash and quote escaped, newlines as `\n`. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
