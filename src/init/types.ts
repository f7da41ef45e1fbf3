/** What `guard init` infers about a repository, before it is written as guard.yaml. */

/** A folder that may become a layer: a child of the source root, a workspace package, or a folder of packages. */
export interface Unit {
  /** The layer name it would get (its folder name, made unique). */
  name: string;
  /** Repo-relative folder (`src/core`, `packages/ui`, `packages`). */
  dir: string;
}

/** Where the code is and how it splits into units. */
export interface SourceShape {
  kind: "workspaces" | "source-root" | "none";
  /** Why these units: lines for guard.yaml's comment. */
  notes: string[];
  units: Unit[];
  /** Code files directly in the source root (`src/index.ts`): each joins the layer its imports fit. */
  rootFiles: string[];
  /** What the units are children of, for names of grouped layers (`src`, `packages`). */
  label: string;
}

/** One import between two files, as listed in comments: `from → target`. */
export interface FileEdge {
  from: string;
  target: string;
}

/** The imports between units: who imports whom, how often, and through which files. */
export interface UnitGraph {
  units: readonly Unit[];
  /** Edges from one unit to another, keyed by the two names. */
  between(from: string, to: string): readonly FileEdge[];
  /** Units `from` imports (other than itself). */
  targets(from: string): readonly string[];
  /** Every cross-unit import. */
  total: number;
}

/** Layers proposed from today's imports, or why none. */
export interface LayerProposal {
  /** Lowest first; empty when no order fits (see `why`). */
  layers: ProposedLayer[];
  crossCutting: CrossCuttingChoice[];
  /** Imports that go against the proposed order (arch/layer will report each). */
  against: FileEdge[];
  /** Imports between units that go along the order. */
  along: number;
  /** Folder cycles: broken at their weakest imports (listed in `against`), or merged into one layer. */
  cycles: FolderCycle[];
  features: FeatureFolders[];
  /** Set when `layers` is empty: why no order was proposed. */
  why?: string;
}

export interface ProposedLayer {
  name: string;
  units: Unit[];
  /** Root files (`src/index.ts`) that joined this layer. */
  files: string[];
  /** Units of other layers that import it, and how often. */
  importedBy: Map<string, number>;
  /** Units of other layers it imports, and how often. */
  imports: Map<string, number>;
}

export interface CrossCuttingChoice {
  unit: Unit;
  /** Units that import it. */
  importers: number;
  why: string;
}

export interface FolderCycle {
  units: string[];
  /** Imports each way around the cycle, as `a → b: n`. */
  counts: string[];
  resolution: "broken" | "merged";
}

/** Sibling folders (`src/features/*`) that should not import each other. */
export interface FeatureFolders {
  dir: string;
  children: string[];
  /** Imports from one sibling into another today. */
  crossings: FileEdge[];
}

/** A docs-site navigation file found by its well-known name. */
export interface NavFile {
  path: string;
  /** The site generator it belongs to, as people call it. */
  site: string;
}

export interface DocsFacts {
  /** Folders with Markdown that the docs/* checks should read. */
  roots: { dir: string; markdown: number; why: string }[];
  nav: NavFile[];
  /** The page a map should link first: docs/index.md, docs/README.md or README.md. */
  index: string | undefined;
  /** Docs folders whose pages are all MDX, which the docs/* checks do not read. */
  mdxOnly: { dir: string; pages: number }[];
}

/** A file a build writes that the code imports (git ignores it, or its name says it is generated). */
export interface GeneratedImport {
  /** The ignored file (or its extension-less path, as imported). */
  target: string;
  importers: string[];
}
