import { allRules } from "../checks/registry.js";
import { Workspace } from "../checks/workspace.js";
import { defaultConfig } from "../config/defaults.js";
import { loadConfigText } from "../config/load.js";
import { Repo } from "../repo/repo.js";
import { docsFacts } from "./docs-site.js";
import { proposedExcludes, type ProposedExclude } from "./excludes.js";
import { generatedImports } from "./generated.js";
import { harnessFit, type HarnessFit } from "./harness-fit.js";
import { proposeLayers } from "./layer-proposal.js";
import { mapsFound, type MapsFound } from "./maps-found.js";
import { projectOf, starterCommands, type StarterCommands } from "./package-scripts.js";
import { sourceShape } from "./source-units.js";
import type { DocsFacts, GeneratedImport, LayerProposal, SourceShape } from "./types.js";

/** Everything `guard init` found, from which it writes guard.yaml and maybe AGENTS.md. */
export interface InitPlan {
  root: string;
  /** The preset the config extends: recommended, strict, harness or long-running. */
  preset: string;
  inGit: boolean;
  codeFiles: number;
  shape: SourceShape;
  proposal: LayerProposal;
  /** With `--preset harness`: whether its fixed layers fit today's imports. */
  harness: HarnessFit | undefined;
  docs: DocsFacts;
  /** Globs for `exclude`: fixtures and changelogs that look like code or docs but are not. */
  excludes: ProposedExclude[];
  maps: MapsFound;
  generated: GeneratedImport[];
  commands: StarterCommands | undefined;
  /** package.json's name and description. */
  project: { name?: string; description?: string };
}

export interface InferOptions {
  root: string;
  preset: string;
  /** Reuse and save the import-graph cache under node_modules/.cache/guard (default true). */
  cache?: boolean;
}

/** Reads the repository once (file list, import graph, docs, maps) and infers what guard.yaml should say. */
export async function inferInit(options: InferOptions): Promise<InitPlan> {
  const { root, preset } = options;
  const listed = new Repo({ root, exclude: [] });
  const docs = docsFacts(listed);
  const excludes = proposedExcludes(listed.files, docs.roots.map((entry) => entry.dir));
  // The layers are inferred from what guard check will read: without the files excluded.
  const repo = excludes.length > 0 ? new Repo({ root, exclude: excludes.map((entry) => entry.glob) }) : listed;
  const workspace = new Workspace(repo, defaultConfig(root), { cache: options.cache ?? true });
  const graph = await workspace.importGraph();
  const shape = sourceShape(root, repo.files, graph.files);
  const plan: InitPlan = {
    root,
    preset,
    inGit: repo.inGit,
    codeFiles: graph.files.length,
    shape,
    proposal: proposeLayers(shape, graph),
    harness: preset === "harness" ? harnessFit(harnessWorkspace(repo, root), graph) : undefined,
    docs,
    excludes,
    maps: mapsFound(repo),
    generated: generatedImports(workspace, graph),
    commands: starterCommands(repo),
    project: projectOf(repo),
  };
  workspace.saveCaches();
  return plan;
}

/** The same repo seen through the harness preset's layers, as arch/layer would see it. */
function harnessWorkspace(repo: Repo, root: string): Workspace {
  const config = loadConfigText({ text: "extends: [harness]\n", root, name: "guard.yaml", knownRules: allRules.map((rule) => rule.meta.id) });
  return new Workspace(repo, config, { cache: false });
}
