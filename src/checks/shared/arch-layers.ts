import type { ResolvedConfig } from "../../config/types.js";
import { globMatcher } from "../../repo/glob.js";
import type { Workspace } from "../workspace.js";

/** Where a file sits in the architecture: in a layer (rank 0 = lowest), or cross-cutting. */
export type Placement = { kind: "layer"; name: string; rank: number } | { kind: "cross-cutting" };

export interface ArchLayers {
  /** Layer names, lowest first. */
  names: readonly string[];
  /** The file's placement, or undefined when it belongs to no layer. */
  placementOf(file: string): Placement | undefined;
  /** The layered root (e.g. `src`) the file is under, or undefined. */
  layeredRootOf(file: string): string | undefined;
}

const MAGIC = /[*?[\]{}()!]/;

/** The layers of guard.yaml, compiled once per run. */
export function archLayers(workspace: Workspace): ArchLayers {
  return workspace.shared("arch-layers", () => compile(workspace.config));
}

/** How a placement reads in messages and evidence. */
export function placementLabel(placement: Placement | undefined): string {
  if (!placement) return "unlayered";
  return placement.kind === "layer" ? placement.name : "cross-cutting";
}

function compile(config: ResolvedConfig): ArchLayers {
  const layers = config.layers.map((layer, rank) => ({ name: layer.name, rank, matches: globMatcher(layer.paths.flatMap(expand)) }));
  const crossCutting = globMatcher(config.crossCutting.flatMap(expand));
  const roots = [...new Set(config.layers.flatMap((layer) => layer.paths).flatMap(layeredRoot))].sort();
  const rootMatchers = roots.map((root) => ({ root, matches: globMatcher([`${root}/**`]) }));
  // Every edge asks for both ends: match each file's globs once.
  const placements = new Map<string, Placement | undefined>();
  const place = (file: string): Placement | undefined => {
    // Cross-cutting first: `src/shared/**` carved out of a broad layer glob stays cross-cutting.
    if (crossCutting(file)) return { kind: "cross-cutting" };
    const layer = layers.find((candidate) => candidate.matches(file));
    return layer ? { kind: "layer", name: layer.name, rank: layer.rank } : undefined;
  };
  return {
    names: config.layers.map((layer) => layer.name),
    placementOf(file) {
      if (!placements.has(file)) placements.set(file, place(file));
      return placements.get(file);
    },
    layeredRootOf(file) {
      return rootMatchers.find((candidate) => candidate.matches(file))?.root;
    },
  };
}

/** `./src/ui/` and a plain folder name `src/ui` mean everything below it, as users expect. */
function expand(pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, "");
  if (clean.endsWith("/")) return [`${clean}**`];
  return MAGIC.test(clean) ? [clean] : [clean, `${clean}/**`];
}

/**
 * The folder whose children are the layers: `src` for `src/service/**`, `packages/*\/src` for
 * `packages/*\/src/ui/**`. A layer that is a top-level folder (`bin/**`) is its own root, so
 * the repo root is never layered as a whole (tests, scripts and configs stay out of scope).
 */
function layeredRoot(pattern: string): string[] {
  const segments = pattern.replace(/^\.\//, "").replace(/\/+$/, "").split("/");
  const globAt = segments.findIndex((segment) => segment.includes("**"));
  // Without `**` the last segment names files (`src/index.ts`, `src/ui/*`) or the folder itself.
  const folder = globAt >= 0 ? segments.slice(0, globAt) : MAGIC.test(segments.at(-1)!) || segments.at(-1)!.includes(".") ? segments.slice(0, -1) : segments;
  if (folder.length === 0) return [];
  return [(folder.length > 1 ? folder.slice(0, -1) : folder).join("/")];
}
