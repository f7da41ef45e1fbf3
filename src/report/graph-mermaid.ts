import type { LayerGraph, LayerGraphEdge } from "../engine/layer-graph.js";
import { edgeLabel, nodeLabel } from "./graph-labels.js";

/**
 * The layer graph as a Mermaid flowchart: the highest layer on top, allowed imports pointing
 * down, violating ones dashed, thick and red. Pure: the same model gives the same bytes.
 */
export function formatGraphMermaid(graph: LayerGraph): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.name, `n${i}`]));
  const lines = ["flowchart TD"];
  for (const node of [...graph.nodes].reverse()) {
    const label = `"${nodeLabel(node).map(escape).join("<br/>")}"`;
    // Layers are boxes; crossCutting and (unlayered) are rounded, as they sit outside the order.
    lines.push(`  ${ids.get(node.name)}${node.kind === "layer" ? `[${label}]` : `([${label}])`}`);
  }
  const violating: number[] = [];
  graph.edges.forEach((edge: LayerGraphEdge, i) => {
    const arrow = edge.violations > 0 ? "-.->" : "-->";
    if (edge.violations > 0) violating.push(i);
    lines.push(`  ${ids.get(edge.from)} ${arrow}|"${escape(edgeLabel(edge))}"| ${ids.get(edge.to)}`);
  });
  if (violating.length > 0) lines.push(`  linkStyle ${violating.join(",")} stroke:#d00,stroke-width:2px,color:#d00`);
  return `${lines.join("\n")}\n`;
}

/** Mermaid reads `"` and `#` inside a quoted label as markup; entity codes keep names literal. */
function escape(text: string): string {
  return text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}
