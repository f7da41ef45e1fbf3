import { resolve } from "node:path";
import { allRules } from "../checks/registry.js";
import { archLayers } from "../checks/imports/layers.js";
import { Workspace } from "../checks/workspace.js";
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../core/errors.js";
import type { Finding } from "../core/types.js";
import { Repo } from "../repo/repo.js";
import { resolveConfig } from "./resolve-config.js";

export type LayerNodeKind = "layer" | "crossCutting" | "unlayered";

export interface LayerGraphNode {
  /** The layer's name from guard.yaml, `crossCutting`, or `(unlayered)`. */
  name: string;
  kind: LayerNodeKind;
  /** Code files in the import graph that belong to it. */
  files: number;
}

export interface LayerGraphEdge {
  from: string;
  to: string;
  /** Local imports from a file of `from` to a file of `to`. */
  imports: number;
  /** How many of them arch/layer reports. */
  violations: number;
}

/** The layers and the imports between them; nodes lowest layer first, edges in node order. */
export interface LayerGraph {
  nodes: LayerGraphNode[];
  edges: LayerGraphEdge[];
}

export const CROSS_CUTTING = "crossCutting";
export const UNLAYERED = "(unlayered)";

/** Reads the repo the way `guard check` does and builds its layer graph. */
export async function layerGraph(options: { cwd?: string; config?: string } = {}): Promise<LayerGraph> {
  const config = resolveConfig(resolve(options.cwd ?? process.cwd()), options.config);
  if (config.layers.length === 0) {
    throw new UsageError(`guard graph draws the layers of guard.yaml, and ${config.file ?? "this repository (no guard.yaml)"} declares none`, {
      expected: "a `layers:` list in guard.yaml, lowest layer first, e.g. layers: [{ name: core, paths: [\"src/core/**\"] }]",
    });
  }
  const workspace = new Workspace(new Repo({ root: config.root, exclude: config.exclude }), config);
  const graph = await buildLayerGraph(workspace, await layerViolations(workspace, config));
  workspace.saveCaches();
  return graph;
}

/** The imports arch/layer reports, as `file:line:column` of their specifier. */
async function layerViolations(workspace: Workspace, config: ResolvedConfig): Promise<Set<string>> {
  const rule = allRules.find((candidate) => candidate.meta.id === "arch/layer")!;
  const setting = config.rules["arch/layer"];
  // Turned off in guard.yaml: nothing counts as a violation, as `guard check` would say.
  if (setting?.severity === "off") return new Set();
  const found: Finding[] = [];
  const options = setting?.options ?? {};
  await rule.check({ config, options, workspace, report: (finding) => found.push(finding) });
  return new Set(found.map((finding) => `${finding.file}:${finding.line}:${finding.column}`));
}

/** Counts the local imports between layers; `violating` holds `file:line:column` of the imports arch/layer reports. */
export async function buildLayerGraph(workspace: Workspace, violating: ReadonlySet<string>): Promise<LayerGraph> {
  const { config } = workspace;
  const graph = await workspace.importGraph();
  const layerOf = layerClassifier(workspace);
  const names = [...config.layers.map((layer) => layer.name), CROSS_CUTTING, UNLAYERED];
  const fileCounts = new Map<string, number>();
  for (const file of graph.files) {
    const name = layerOf(file);
    fileCounts.set(name, (fileCounts.get(name) ?? 0) + 1);
  }
  const counts = new Map<string, LayerGraphEdge>();
  for (const edge of graph.localEdges()) {
    if (edge.resolution.kind !== "local") continue;
    const from = layerOf(edge.from);
    const to = layerOf(edge.resolution.path);
    if (from === to) continue;
    const key = `${names.indexOf(from)}\u0000${names.indexOf(to)}`;
    const entry = counts.get(key) ?? { from, to, imports: 0, violations: 0 };
    counts.set(key, entry);
    entry.imports += 1;
    if (violating.has(`${edge.from}:${edge.line}:${edge.column}`)) entry.violations += 1;
  }
  const order = (name: string) => names.indexOf(name);
  const edges = [...counts.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const connected = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const nodes: LayerGraphNode[] = names
    .filter((name, i) => i < config.layers.length || connected.has(name))
    .map((name) => ({ name, kind: kindOf(names.indexOf(name), config), files: fileCounts.get(name) ?? 0 }));
  return { nodes, edges };
}

function kindOf(index: number, config: ResolvedConfig): LayerNodeKind {
  if (index < config.layers.length) return "layer";
  return index === config.layers.length ? "crossCutting" : "unlayered";
}

/** The node a file belongs to, placed exactly as the arch/* rules place it. */
function layerClassifier(workspace: Workspace): (file: string) => string {
  const layers = archLayers(workspace);
  return (file) => {
    const placement = layers.placementOf(file);
    if (!placement) return UNLAYERED;
    return placement.kind === "layer" ? placement.name : CROSS_CUTTING;
  };
}
