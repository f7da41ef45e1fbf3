import type { ResolvedConfig } from "../../config/types.js";
import { code, table } from "./table.js";

/**
 * The `layers` block: guard.yaml's layers, lowest first, with what each may import (as arch/layer
 * enforces it: its own layer and every lower one), then the cross-cutting code and the modules
 * importable only through their entry file.
 */
export function renderLayers(config: ResolvedConfig): string[] {
  const { layers, crossCutting, publicEntry } = config;
  if (layers.length === 0) return ["No layers are declared in guard.yaml (`layers:`), so arch/layer checks no direction."];
  const rows = layers.map((layer, index) => [
    String(index + 1),
    layer.name,
    layer.paths.map(code).join(", "),
    mayImport(layers.map((layer) => layer.name), index),
  ]);
  const lines = table(["#", "layer", "paths", "may import"], rows);
  if (crossCutting.length > 0) {
    const lowest = layers[0]!.name;
    lines.push("", `Cross-cutting (every layer may import it; it imports only cross-cutting code and ${lowest}): ${crossCutting.map(code).join(", ")}.`);
  }
  const entries = Object.entries(publicEntry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length > 0) {
    lines.push("", "Imported only through their entry file:", "", ...table(["module", "entry"], entries.map(([module, entry]) => [code(module), code(entry)])));
  }
  return lines;
}

/** Its own layer and every lower one; a long run of lower layers as a range, so a row stays one line. */
function mayImport(names: readonly string[], index: number): string {
  if (index === 0) return "itself only";
  if (index <= 2) return `itself, ${names.slice(0, index).join(", ")}`;
  return `itself, ${names[0]} to ${names[index - 1]} (#1–#${index})`;
}
