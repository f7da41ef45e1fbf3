import type { InitPlan } from "./infer.js";
import type { FileEdge, LayerProposal, ProposedLayer } from "./types.js";
import { comment, few, flowList, literalGlob, scalar } from "./yaml-text.js";

/** The source, layers and cross-cutting part of guard.yaml, each value with its reason. */
export function layersText(plan: InitPlan): string[] {
  const { proposal, harness, shape } = plan;
  const lines = comment(shape.notes.join(" "));
  if (harness?.fits) {
    lines.push(...comment(`Layers: the harness preset's, kept as they are: ${harness.why}.`));
    if (harness.against.length > 0) lines.push(...againstText(harness.against));
    if (proposal.layers.length > 0) lines.push(...comment(`(From the folders alone, guard init would have proposed: ${proposal.layers.map((layer) => layer.name).join(" → ")}.)`));
    return lines;
  }
  if (harness) lines.push(...comment(`The harness preset's layers do not fit this repository: ${harness.why}. A list in guard.yaml replaces the preset's, so the lines below replace its layers and cross-cutting folders.`));
  if (proposal.layers.length === 0) {
    lines.push(...comment(`No layers: ${proposal.why ?? "no order follows from today's imports."} Add them by hand once the code has an order (docs/configuration.md, \`layers\`); the arch/* rules run only then.`));
    lines.push(...cyclesText(proposal));
    if (harness) lines.push("layers: []", "crossCutting: []");
    return lines;
  }
  lines.push(...comment(orderSummary(proposal)));
  lines.push("layers:");
  for (const layer of proposal.layers) {
    lines.push(...comment(layerWhy(layer), "  "));
    const paths = [...layer.units.map((unit) => `${literalGlob(unit.dir)}/**`), ...layer.files.map(literalGlob)];
    lines.push(`  - { name: ${scalar(layer.name)}, paths: ${flowList(paths)} }`);
  }
  if (proposal.against.length > 0) lines.push(...againstText(proposal.against));
  lines.push(...cyclesText(proposal));
  if (proposal.crossCutting.length > 0) {
    for (const choice of proposal.crossCutting) lines.push(...comment(choice.why));
    lines.push(`crossCutting: ${flowList(proposal.crossCutting.map((choice) => `${literalGlob(choice.unit.dir)}/**`))}`);
  } else if (harness) {
    lines.push(...comment("No folder is imported from nearly every other one, so nothing is cross-cutting."), "crossCutting: []");
  }
  lines.push(...featuresText(proposal));
  return lines;
}

function orderSummary(proposal: LayerProposal): string {
  const against = proposal.against.length;
  return [
    `Layers, lowest first, in the direction today's imports take: ${proposal.along} imports between these folders go down this order, ${against} against it.`,
    "A file may import only its own layer or lower ones (arch/layer).",
    "Folders that do not import each other could go in either order; of two such, the one more folders import is lower. Reorder, merge or rename freely.",
  ].join(" ");
}

function layerWhy(layer: ProposedLayer): string {
  const parts: string[] = [];
  if (layer.units.length > 1) parts.push(`${layer.name} holds ${few(layer.units.map((unit) => `${unit.dir}/`), 8)}.`);
  const by = [...layer.importedBy].sort((a, b) => b[1] - a[1]);
  const total = (entries: [string, number][]) => entries.reduce((sum, [, n]) => sum + n, 0);
  parts.push(by.length === 0 ? "Imported by no other layer;" : `Imported by ${few(by.map(([name]) => name), 4)} (${imports(total(by))});`);
  const to = [...layer.imports].sort((a, b) => b[1] - a[1]);
  parts.push(to.length === 0 ? "imports no other layer." : `imports ${few(to.map(([name]) => name), 4)} (${imports(total(to))}).`);
  if (layer.files.length > 0) parts.push(`${few(layer.files, 3)}: in no folder; ${layer.files.length === 1 ? "its" : "their"} imports fit this layer.`);
  return parts.join(" ");
}

function imports(n: number): string {
  return `${n} ${n === 1 ? "import" : "imports"}`;
}

function againstText(edges: readonly FileEdge[]): string[] {
  const listed = edges.map((edge) => `  ${edge.from} → ${edge.target}`);
  return comment([`${edges.length} ${edges.length === 1 ? "import goes" : "imports go"} against this order; arch/layer reports each (fix them, or record them as debt with \`guard baseline\`):`, ...listed].join("\n"));
}

function cyclesText(proposal: LayerProposal): string[] {
  if (proposal.cycles.length === 0) return [];
  const lines = proposal.cycles.map((cycle) => {
    const what = cycle.resolution === "broken"
      ? `broken where it has the fewest imports (lowest first: ${cycle.units.join(", ")})`
      : `its folders import each other too much to order, so they share one layer`;
    const names = cycle.units.length === 2 ? cycle.units.join(" ⇄ ") : `${cycle.units.slice(0, -1).join(", ")} and ${cycle.units.at(-1)}`;
    return `  ${names} (${cycle.counts.join(", ")}): ${what}`;
  });
  return comment(["Folder cycles (folders that import each other, directly or around a loop):", ...lines].join("\n"));
}

function featuresText(proposal: LayerProposal): string[] {
  return proposal.features.flatMap((features) => {
    const crossings = features.crossings.slice(0, 10).map((edge) => `  ${edge.from} → ${edge.target}`);
    const today = features.crossings.length === 0 ? "None does today." : `${features.crossings.length} ${features.crossings.length === 1 ? "import does" : "imports do"} today:`;
    const more = features.crossings.length > 10 ? [`  and ${features.crossings.length - 10} more`] : [];
    return comment([
      `${features.dir}/ holds ${features.children.length} feature folders (${few(features.children, 6)}), one layer: features should not import each other. ${today}`,
      ...crossings,
      ...more,
      "To keep them apart, add .guard/rules/features-apart.yaml (docs/rule-files.md; it reports each such import):",
      "  kind: import",
      "  message: A feature imports another feature.",
      "  fix: Move what both features need into a lower layer, or pass it in.",
      `  from: ["${features.dir}/{feature}/**"]`,
      `  forbid: ["${features.dir}/*/**"]`,
      `  allow: ["${features.dir}/{feature}/**"]`,
    ].join("\n"));
  });
}
