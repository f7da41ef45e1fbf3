import { deepImportFinding } from "../imports/deep-import-verdict.js";
import { archLayers } from "../imports/layers.js";
import { publicModules } from "../imports/modules.js";
import { checkImportsPerFile, memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "arch/deep-import",
    description: "A module configured in publicEntry is imported past its entry file.",
    severity: "error",
    importGraph: (config) => Object.keys(config.publicEntry).length > 0,
    messages: {
      deep: "{file} imports {target} from inside module {module}/; code outside the module may import only its entry {entry}",
    },
    fix: "Import from {entry} instead of {target}; if the module does not export what you need, export it from {entry} first.",
  },
  async check({ workspace, options, report }) {
    if (Object.keys(workspace.config.publicEntry).length === 0) return;
    const modulesOf = publicModules(workspace);
    const layers = archLayers(workspace);
    await checkImportsPerFile(workspace, memoSpace("arch/deep-import", options), report, (file, edges, report) => {
      for (const edge of edges) {
        const finding = deepImportFinding(modulesOf, layers, file, edge);
        if (finding) report(finding);
      }
    });
  },
});
