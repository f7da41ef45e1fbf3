import { layerFinding } from "../imports/layer-verdict.js";
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
        const finding = layerFinding(layers, config, file, edge);
        if (finding) report(finding);
      }
    });
  },
});
