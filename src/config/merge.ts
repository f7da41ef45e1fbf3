import type { RawConfig, RuleSettingInput } from "./schema.js";
import type { ResolvedConfig, RuleSetting } from "./types.js";

/** Applies one config layer (a preset or guard.yaml) on top of what came before: lists replace, maps merge. */
export function mergeConfig(base: ResolvedConfig, layer: RawConfig): ResolvedConfig {
  return {
    ...base,
    exclude: layer.exclude ?? base.exclude,
    agents: { ...base.agents, ...defined(layer.agents) },
    docs: {
      ...base.docs,
      ...defined({ roots: layer.docs?.roots, nav: layer.docs?.nav, maxLines: layer.docs?.maxLines }),
      frontMatter: { ...base.docs.frontMatter, ...defined(layer.docs?.frontMatter) },
    },
    layers: layer.layers ?? base.layers,
    crossCutting: layer.crossCutting ?? base.crossCutting,
    publicEntry: layer.publicEntry ?? base.publicEntry,
    maxFileLines: layer.maxFileLines ?? base.maxFileLines,
    rules: mergeRules(base.rules, layer.rules ?? {}),
    ruleDirs: layer.ruleDirs ?? base.ruleDirs,
    baseline: layer.baseline ?? base.baseline,
  };
}

function mergeRules(base: Record<string, RuleSetting>, layer: Record<string, RuleSettingInput>): Record<string, RuleSetting> {
  const merged = { ...base };
  for (const [id, input] of Object.entries(layer)) {
    const previous: RuleSetting = merged[id] ?? { options: {} };
    if (typeof input === "string") {
      merged[id] = { severity: input, options: previous.options };
    } else {
      const { severity, ...options } = input;
      merged[id] = { severity: severity ?? previous.severity, options: { ...previous.options, ...options } };
    }
  }
  return merged;
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
