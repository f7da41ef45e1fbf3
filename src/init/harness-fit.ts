import { archLayers } from "../checks/imports/layers.js";
import type { Workspace } from "../checks/workspace.js";
import type { ImportGraph } from "../graph/types.js";
import { MAX_AGAINST, MAX_AGAINST_SHARE } from "./folder-cycles.js";
import type { FileEdge } from "./types.js";

/** How the harness preset's fixed layers fit today's imports. */
export interface HarnessFit {
  fits: boolean;
  /** The preset's layers that hold code here. */
  present: string[];
  along: number;
  against: FileEdge[];
  why: string;
}

/**
 * Places every import as arch/layer would under the harness preset's layers (types → config →
 * repo → service → runtime → ui, providers cross-cutting). They fit when at least two of them
 * hold code, imports between them exist, and few go against them. `harness` is a workspace
 * whose config extends the preset (only its layers are read; `graph` is the repo's).
 */
export function harnessFit(harness: Workspace, graph: ImportGraph): HarnessFit {
  const layers = archLayers(harness);
  const present = new Set<string>();
  for (const file of graph.files) {
    const placement = layers.placementOf(file);
    if (placement?.kind === "layer") present.add(placement.name);
  }
  let along = 0;
  const against: FileEdge[] = [];
  for (const edge of graph.localEdges()) {
    if (edge.resolution.kind !== "local") continue;
    const from = layers.placementOf(edge.from);
    const to = layers.placementOf(edge.resolution.path);
    if (!from || !to || to.kind === "cross-cutting") continue;
    const upward = from.kind === "cross-cutting" ? to.rank !== 0 : to.rank > from.rank;
    if (upward) against.push({ from: edge.from, target: edge.resolution.path });
    else if (from.kind === "layer" && from.rank > to.rank) along += 1;
  }
  const names = layers.names.filter((name) => present.has(name));
  const order = layers.names.join(" → ");
  if (names.length < 2) return { fits: false, present: names, along, against, why: `its layers (${order}) name folders this repository does not have (${names.length === 0 ? "none" : `only ${names[0]}`} holds code)` };
  if (along + against.length === 0) return { fits: false, present: names, along, against, why: `its folders that hold code here (${names.join(", ")}) do not import each other, so nothing confirms its order` };
  if (against.length > MAX_AGAINST || against.length > MAX_AGAINST_SHARE * (along + against.length)) {
    return { fits: false, present: names, along, against, why: `${against.length} of ${along + against.length} imports between its layers go against its order (${order})` };
  }
  return { fits: true, present: names, along, against, why: `${along} imports between its layers go its way (${order}), ${against.length} against it` };
}
