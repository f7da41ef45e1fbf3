import { DEFAULT_PRESETS, defaultConfig } from "../../config/defaults.js";
import { isLower, severityOf, stringList, valueAt, weakening, type LenientYaml, type Weakening } from "./weakened-yaml.js";

const DEFAULTS = defaultConfig("");

/** Numeric limits where a higher number (or 0 = off) checks less, with the default an unset key falls back to. */
const LIMITS: { path: string[]; fallback: number }[] = [
  { path: ["maxFileLines"], fallback: DEFAULTS.maxFileLines },
  { path: ["agents", "maxLines"], fallback: DEFAULTS.agents.maxLines },
  { path: ["agents", "maxBytesChain"], fallback: DEFAULTS.agents.maxBytesChain },
  { path: ["docs", "maxLines"], fallback: DEFAULTS.docs.maxLines },
  { path: ["docs", "frontMatter", "freshDays"], fallback: DEFAULTS.docs.frontMatter.freshDays },
];

/** Lists where an added entry exempts more files. */
const ADDING_EXEMPTS = [["exclude"], ["crossCutting"]];

/** Lists where a removed entry checks less; the fallback is what an unset key means. */
const REMOVING_WEAKENS: { path: string[]; fallback: string[] }[] = [
  { path: ["ruleDirs"], fallback: DEFAULTS.ruleDirs },
  { path: ["agents", "requiredSections"], fallback: [] },
  { path: ["agents", "requiredMentions"], fallback: [] },
  { path: ["docs", "frontMatter", "required"], fallback: [] },
];

/** Presets that include `recommended` themselves, so dropping it beside them changes nothing. */
const INCLUDES_RECOMMENDED = new Set(["strict", "harness", "long-running"]);

/** What a change to guard.yaml (base → head) does to make guard quieter. */
export function compareConfig(base: LenientYaml, head: LenientYaml): Weakening[] {
  return [...extendsRemoved(base, head), ...rulesLowered(base, head), ...listChanges(base, head), ...layersRemoved(base, head), ...limitsRaised(base, head)];
}

function extendsRemoved(base: LenientYaml, head: LenientYaml): Weakening[] {
  const before = stringList(base.value.extends) ?? DEFAULT_PRESETS;
  const after = stringList(head.value.extends) ?? DEFAULT_PRESETS;
  return before
    .filter((name) => !after.includes(name))
    .filter((name) => !(name === "recommended" && after.some((other) => INCLUDES_RECOMMENDED.has(other))))
    .map((name) => weakening(head, ["extends"], "removed", { key: "extends", entry: name }, true));
}

function rulesLowered(base: LenientYaml, head: LenientYaml): Weakening[] {
  const before = asRecord(base.value.rules);
  const after = asRecord(head.value.rules);
  const found: Weakening[] = [];
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = severityOf(before[id]);
    const to = severityOf(after[id]);
    const key = `rules.${id}`;
    const path = typeof after[id] === "object" && after[id] !== null ? ["rules", id, "severity"] : ["rules", id];
    if (from && to && isLower(to, from)) found.push(weakening(head, path, "lowered", { key, from, to }));
    else if (!from && to === "off") found.push(weakening(head, path, "turnedOff", { key }));
    // An explicit `error` dropped: the rule falls back to its default, which may be lower.
    else if (from === "error" && !to) found.push(weakening(head, id in after ? ["rules", id] : ["rules"], "settingRemoved", { key, from, to: "the rule's default severity" }, true));
  }
  return found;
}

function listChanges(base: LenientYaml, head: LenientYaml): Weakening[] {
  const found: Weakening[] = [];
  for (const path of ADDING_EXEMPTS) {
    const before = stringList(valueAt(base.value, path)) ?? [];
    const after = stringList(valueAt(head.value, path)) ?? [];
    after.forEach((entry, index) => {
      if (!before.includes(entry)) found.push(weakening(head, Array.isArray(valueAt(head.value, path)) ? [...path, index] : path, "added", { key: path.join("."), entry }));
    });
  }
  for (const { path, fallback } of REMOVING_WEAKENS) {
    const before = stringList(valueAt(base.value, path)) ?? fallback;
    const after = stringList(valueAt(head.value, path)) ?? fallback;
    for (const entry of before.filter((item) => !after.includes(item))) {
      found.push(weakening(head, path, "removed", { key: path.join("."), entry }, true));
    }
  }
  return found;
}

interface Layer {
  name: string;
  paths: string[];
  index: number;
}

/** A layer dropped (by name; a rename with the same paths is not a removal) or a layer's path dropped. */
function layersRemoved(base: LenientYaml, head: LenientYaml): Weakening[] {
  const before = layersOf(base.value.layers);
  const after = layersOf(head.value.layers);
  const found: Weakening[] = [];
  for (const layer of before) {
    const kept = after.find((other) => other.name === layer.name);
    if (!kept) {
      const renamed = after.some((other) => !before.some((b) => b.name === other.name) && sameList(other.paths, layer.paths));
      if (!renamed) found.push(weakening(head, ["layers"], "removed", { key: "layers", entry: layer.name }, true));
      continue;
    }
    for (const glob of layer.paths.filter((path) => !kept.paths.includes(path))) {
      found.push(weakening(head, ["layers", kept.index, "paths"], "removed", { key: `layers.${layer.name}.paths`, entry: glob }));
    }
  }
  return found;
}

function layersOf(value: unknown): Layer[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => {
    const layer = asRecord(item);
    return typeof layer.name === "string" ? [{ name: layer.name, paths: stringList(layer.paths) ?? [], index }] : [];
  });
}

function limitsRaised(base: LenientYaml, head: LenientYaml): Weakening[] {
  const found: Weakening[] = [];
  for (const { path, fallback } of LIMITS) {
    const from = valueAt(base.value, path);
    const to = valueAt(head.value, path);
    const key = path.join(".");
    if (typeof from !== "number" || from <= 0) continue; // unset or already off: nothing to weaken
    if (to === undefined) {
      if (fallback === 0 || fallback > from) found.push(weakening(head, path, "settingRemoved", { key, from, to: fallback === 0 ? "0 (off)" : fallback }, true));
    } else if (to === 0) found.push(weakening(head, path, "limitOff", { key, from }));
    else if (typeof to === "number" && to > from) found.push(weakening(head, path, "raised", { key, from, to }));
  }
  return found;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
