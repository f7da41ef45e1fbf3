import type { SeveritySetting } from "../core/types.js";

export interface RuleSetting {
  /** Undefined: the rule's own default severity. */
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

/** guard.yaml after presets, defaults and validation: what every other layer reads. */
export interface ResolvedConfig {
  /** Absolute path of the repository root (where guard.yaml is, or the git top level). */
  root: string;
  /** Repo-relative path of the config file, or undefined when running on defaults. */
  file: string | undefined;
  exclude: string[];
  agents: {
    maps: string[];
    maxLines: number;
    maxBytesChain: number;
    requiredSections: string[];
    /** Names (files, commands) every top-level map must mention; `a|b` accepts either. */
    requiredMentions: string[];
  };
  docs: {
    roots: string[];
    /**
     * Docs-site navigation files whose entries count as links (docs/orphan): paths or globs,
     * or `auto` for the well-known ones (mkdocs.yml, SUMMARY.md, sidebars, docs.json, _meta.json).
     */
    nav: string[];
    maxLines: number;
    frontMatter: { required: string[]; freshDays: number };
  };
  layers: { name: string; paths: string[] }[];
  crossCutting: string[];
  publicEntry: Record<string, string>;
  maxFileLines: number;
  rules: Record<string, RuleSetting>;
  ruleDirs: string[];
  /**
   * Rule files shipped by the built-in presets this config extends (`presets/<name>/*.yaml` in
   * the guard package), loaded beside `ruleDirs` with ids `<name>/<file>`.
   */
  presetRules: { preset: string; dir: string }[];
  baseline: string;
}
