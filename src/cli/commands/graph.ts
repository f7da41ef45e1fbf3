import { layerGraph, type LayerGraph } from "../../engine/layer-graph.js";
import { formatGraphDot } from "../../report/graph-dot.js";
import { formatGraphMermaid } from "../../report/graph-mermaid.js";
import type { Io } from "../io.js";

export const graphFormatters: Record<string, (graph: LayerGraph) => string> = {
  mermaid: formatGraphMermaid,
  dot: formatGraphDot,
};

export interface GraphFlags {
  format: string;
  config?: string;
}

/** Prints the layer graph of guard.yaml's `layers` with real import counts; exit 2 when no layers are declared. */
export async function runGraph(flags: GraphFlags, io: Io): Promise<number> {
  const graph = await layerGraph({ cwd: io.cwd, config: flags.config });
  io.stdout(graphFormatters[flags.format]!(graph));
  return 0;
}
