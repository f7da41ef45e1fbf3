import type { ResolvedConfig } from "./types.js";

/** What a repo gets for every key that neither guard.yaml nor a preset sets (SPEC §2). */
export function defaultConfig(root: string): ResolvedConfig {
  return {
    root,
    file: undefined,
    exclude: [],
    agents: {
      maps: ["**/AGENTS.md", "**/CLAUDE.md", "**/GEMINI.md", ".github/copilot-instructions.md"],
      maxLines: 150,
      maxBytesChain: 32768,
      requiredSections: [],
      requiredMentions: [],
    },
    docs: {
      roots: ["docs"],
      nav: ["auto"],
      maxLines: 400,
      frontMatter: { required: [], freshDays: 0 },
    },
    layers: [],
    crossCutting: [],
    publicEntry: {},
    maxFileLines: 0,
    rules: {},
    ruleDirs: [".guard/rules"],
    presetRules: [],
    baseline: ".guard/baseline.json",
  };
}

/** The preset a repo gets when guard.yaml names none (or there is no guard.yaml). */
export const DEFAULT_PRESETS = ["recommended"];
