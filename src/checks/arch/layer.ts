import { importedFile, specifierPlace } from "../imports/edges.js";
import { archLayers } from "../imports/layers.js";
import { checkImportsPerFile, memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "arch/layer",
    description: "A file imports from a higher layer.",
    severity: "error",
    importGraph: (config) => config.layers.length > 0,
    messages: {
      upward: "{from} must not import from {to} ({target}); {from} may import only from {allowed}",
      crossCutting: "cross-cutting code must not import from {to} ({target}); it may import only from cross-cutting code and {lowest}",
    },
    fix: {
      upward:
        "Remove this import of {target}: move what both files need into code {from} may import ({allowed}), or let the {to} code pass it in as a parameter or callback.",
      crossCutting:
        "Remove this import of {target}: move what {file} needs into cross-cutting code or {lowest}, or take it as a parameter, so every layer can keep importing {file}.",
    },
  },
  async check({ config, workspace, options, report }) {
    const layers = archLayers(workspace);
    if (layers.names.length === 0) return;
    await checkImportsPerFile(workspace, memoSpace("arch/layer", options), report, (file, edges, report) => {
      for (const edge of edges) {
        if (edge.resolution.kind !== "local") continue;
        const target = edge.resolution.path;
        const from = layers.placementOf(file);
        const to = layers.placementOf(target);
        // Unlayered files are arch/unlayered's business; cross-cutting code is importable from every layer.
        if (!from || !to || to.kind === "cross-cutting") continue;
        const evidence = { from: from.kind === "layer" ? from.name : "cross-cutting", to: to.name, specifier: edge.specifier, target };
        const related = importedFile(target, `the imported file, in layer ${to.name}`);
        if (from.kind === "cross-cutting") {
          if (to.rank === 0) continue;
          const lowest = layers.names[0]!;
          report({ file, ...specifierPlace(edge), messageId: "crossCutting", data: { file, to: to.name, target, lowest }, evidence, related });
        } else if (to.rank > from.rank) {
          const lower = layers.names.slice(0, from.rank + 1).reverse();
          // Cross-cutting code is importable from every layer: say so, or the fix hides an option.
          const allowed = [...lower, ...(config.crossCutting.length > 0 ? ["cross-cutting code"] : [])].join(", ");
          report({ file, ...specifierPlace(edge), messageId: "upward", data: { from: from.name, to: to.name, target, allowed }, evidence, related });
        }
      }
    });
  },
});
