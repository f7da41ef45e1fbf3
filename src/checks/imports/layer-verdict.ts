import type { ResolvedConfig } from "../../config/types.js";
import type { Finding } from "../../core/types.js";
import type { ImportEdge } from "../../graph/types.js";
import { importedFile, specifierPlace } from "./edges.js";
import type { ArchLayers } from "./layers.js";

/** arch/layer's message ids (its templates are in src/checks/arch/layer.ts). */
export type LayerMessageId = "upward" | "crossCutting";

/**
 * arch/layer's judgement of one import: the finding when `file` may not import what `edge`
 * leads to, else undefined. The rule (over the whole graph) and the ESLint plugin (over one
 * file's text) both call this, so they never disagree.
 */
export function layerFinding(layers: ArchLayers, config: ResolvedConfig, file: string, edge: ImportEdge): (Finding & { messageId: LayerMessageId }) | undefined {
  if (edge.resolution.kind !== "local") return undefined;
  const target = edge.resolution.path;
  const from = layers.placementOf(file);
  const to = layers.placementOf(target);
  // Unlayered files are arch/unlayered's business; cross-cutting code is importable from every layer.
  if (!from || !to || to.kind === "cross-cutting") return undefined;
  const evidence = { from: from.kind === "layer" ? from.name : "cross-cutting", to: to.name, specifier: edge.specifier, target };
  const related = importedFile(target, `the imported file, in layer ${to.name}`);
  if (from.kind === "cross-cutting") {
    if (to.rank === 0) return undefined;
    const lowest = layers.names[0]!;
    return { file, ...specifierPlace(edge), messageId: "crossCutting", data: { file, to: to.name, target, lowest }, evidence, related };
  }
  if (to.rank <= from.rank) return undefined;
  const lower = layers.names.slice(0, from.rank + 1).reverse();
  // Cross-cutting code is importable from every layer: say so, or the fix hides an option.
  const allowed = [...lower, ...(config.crossCutting.length > 0 ? ["cross-cutting code"] : [])].join(", ");
  return { file, ...specifierPlace(edge), messageId: "upward", data: { from: from.name, to: to.name, target, allowed }, evidence, related };
}
