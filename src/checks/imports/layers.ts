import { posix } from "node:path";
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
  return workspace.shared("arch-layers", () => compileLayers(workspace.config));
}

/** How a placement reads in messages and evidence. */
export function placementLabel(placement: Placement | undefined): string {
  if (!placement) return "unlayered";
  return placement.kind === "layer" ? placement.name : "cross-cutting";
}

/** The layers of a config, compiled (archLayers shares one per run; the ESLint plugin keeps one per config). */
export function compileLayers(config: ResolvedConfig): ArchLayers {
  const layers = config.layers.map((layer, rank) => ({ name: layer.name, rank, matches: globMatcher(layer.paths.flatMap(expand)) }));
  const crossCutting = globMatcher(config.crossCutting.flatMap(expand));
  const roots = [...new Set(config.layers.flatMap((layer) => layer.paths).flatMap(layeredRoot))].sort();
  const rootMatchers = roots.map((root) => ({ root, matches: globMatcher([`${root}/**`]) }));
  // Every edge asks for both ends: match each file's globs once, or each folder's when the
  // globs cannot tell two code files of one folder apart (10,000 files sit in a few hundred folders).
  const placements = new Map<string, Placement | undefined>();
  // `<root>/**` matches any name in a folder below the root: always decided per folder.
  const rootOfFolder = new Map<string, string | undefined>();
  const byFolder = [...config.layers.flatMap((layer) => layer.paths), ...config.crossCutting].flatMap(expand).every(folderGlob);
  const place = (file: string): Placement | undefined => {
    // Cross-cutting first: `src/shared/**` carved out of a broad layer glob stays cross-cutting.
    if (crossCutting(file)) return { kind: "cross-cutting" };
    const layer = layers.find((candidate) => candidate.matches(file));
    return layer ? { kind: "layer", name: layer.name, rank: layer.rank } : undefined;
  };
  return {
    names: config.layers.map((layer) => layer.name),
    placementOf(file) {
      const key = byFolder ? `${posix.dirname(file)}/${FOLDER_PROBE}` : file;
      if (!placements.has(key)) placements.set(key, place(key));
      return placements.get(key);
    },
    layeredRootOf(file) {
      const folder = posix.dirname(file);
      if (!rootOfFolder.has(folder)) rootOfFolder.set(folder, rootMatchers.find((candidate) => candidate.matches(`${folder}/${FOLDER_PROBE}`))?.root);
      return rootOfFolder.get(folder);
    },
  };
}

/** Stands for any code file of a folder (code files have a dot in their name; this has none). */
const FOLDER_PROBE = "_";

/**
 * `<folder>/**` whose last folder segment is a plain name without a dot, `*` or `**`: such a
 * glob matches a code file exactly when it matches any other name in the same folder (the
 * probe) — so placements can be computed per folder.
 */
function folderGlob(pattern: string): boolean {
  // A plain path without a dot in its last segment names a folder: it matches no code file.
  if (!MAGIC.test(pattern)) return !pattern.split("/").at(-1)!.includes(".") && !pattern.endsWith(`/${FOLDER_PROBE}`);
  if (!pattern.endsWith("/**")) return false;
  const last = pattern.slice(0, -3).split("/").at(-1)!;
  return last === "*" || last === "**" || (!MAGIC.test(last) && !last.includes("."));
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
