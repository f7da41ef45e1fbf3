import type { Finding } from "../../core/types.js";
import type { ImportEdge } from "../../graph/types.js";
import { importedFile, specifierPlace } from "./edges.js";
import { placementLabel, type ArchLayers } from "./layers.js";
import type { PublicModule } from "./modules.js";

/**
 * arch/deep-import's judgement of one import: the finding when `edge` enters a `publicEntry`
 * module past its entry file, else undefined. The rule and the ESLint plugin both call this.
 */
export function deepImportFinding(
  modulesOf: (file: string) => PublicModule[],
  layers: ArchLayers,
  file: string,
  edge: ImportEdge,
): (Finding & { messageId: "deep" }) | undefined {
  if (edge.resolution.kind !== "local") return undefined;
  const target = edge.resolution.path;
  // Imports within a module are its own business; the outermost module the import enters decides.
  const module = modulesOf(target).find((candidate) => !file.startsWith(`${candidate.folder}/`));
  if (!module || target === module.entry) return undefined;
  return {
    file,
    ...specifierPlace(edge),
    messageId: "deep",
    data: { file, target, module: module.folder, entry: module.entry },
    evidence: {
      from: placementLabel(layers.placementOf(file)),
      to: placementLabel(layers.placementOf(target)),
      specifier: edge.specifier,
      target,
      module: module.folder,
    },
    related: importedFile(module.entry, `the public entry of module ${module.folder}/`),
  };
}
