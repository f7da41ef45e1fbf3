import { didYouMean } from "../../core/suggest.js";
import type { Workspace } from "../workspace.js";
import { renderDocsIndex } from "./render-docs-index.js";
import { renderLayers } from "./render-layers.js";
import { renderRules } from "./render-rules.js";
import { renderScripts } from "./render-scripts.js";
import type { Rendered } from "./types.js";

/** Every block name guard can generate. */
export const BLOCK_NAMES = ["layers", "rules", "docs-index", "scripts"] as const;

/**
 * The lines of one block, from the repo's state alone: `guard docs generate` writes them and
 * docs/generated-drift compares against them, so both always agree.
 */
export function renderBlock(workspace: Workspace, file: string, name: string, args: readonly string[]): Rendered {
  switch (name) {
    case "layers":
      return args.length > 0 ? { problem: `takes no argument, not "${args.join(" ")}"` } : { lines: renderLayers(workspace.config) };
    case "rules":
      return renderRules(file, args, workspace.ruleCatalog, (path) => workspace.repo.hasFile(path));
    case "docs-index":
      return renderDocsIndex(workspace, file, args);
    case "scripts":
      return renderScripts(workspace, args);
    default: {
      const hint = didYouMean(name, BLOCK_NAMES);
      return { problem: `unknown block name "${name}"${hint ? `; ${hint}` : ""} (known: ${BLOCK_NAMES.join(", ")})` };
    }
  }
}
