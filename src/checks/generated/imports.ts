import type { ImportEdge } from "../../graph/types.js";
import type { Workspace } from "../workspace.js";
import { gitIgnoredAmong } from "./gitignore.js";

// What TypeScript tries for a specifier without an extension, and the sources it reads for a `.js` one.
const EXTENSIONS = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs", ".json"];
const SOURCES: Record<string, string[]> = { ".js": [".ts", ".tsx", ".d.ts"], ".jsx": [".tsx"], ".mjs": [".mts", ".d.mts"], ".cjs": [".cts", ".d.cts"] };
// `routeTree.gen.ts`, `schema.generated.ts`, `./api.gen`, `__generated__/`, `generated/`: named by the tools that write them.
const GENERATED_NAME = /(?:^|\/)(?:__generated__|generated)\/|[^/]\.(?:gen|generated)(?:\.[^/]*)?$/;

/** Bundler queries and loaders (`./worker.js?worker`, `raw-loader!./a.txt`): not TypeScript's business. */
export const BUNDLER_SYNTAX = /[?!]/;

export type GeneratedReason = "gitignored" | "generated name" | "ignored file on disk";

/** An import of a file a build writes: where it leads, and how we know. */
export interface GeneratedImport {
  from: string;
  specifier: string;
  /** The repo path of the generated file (one of the paths the specifier would name). */
  path: string;
  reason: GeneratedReason;
}

/**
 * The files an import target names as TypeScript would look them up: a `.js` name and its
 * sources (`x.js` → `x.ts`), a `.ts` or `.json` name alone, and any other name with each
 * extension and as a folder with an index file (`./routeTree.gen` → `routeTree.gen.ts`).
 */
export function importCandidates(target: string): string[] {
  const name = target.slice(target.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot) : "";
  const sources = SOURCES[extension];
  if (sources) return [target, ...sources.map((source) => target.slice(0, -extension.length) + source)];
  if (EXTENSIONS.includes(extension)) return [target];
  return [target, ...EXTENSIONS.map((each) => target + each), ...EXTENSIONS.map((each) => `${target}/index${each}`)];
}

/**
 * Why a specifier that resolves to no file still names a file of this repo: a build writes it
 * (git ignores it, or its name says it is generated), so a fresh clone lacks it. `targets` are
 * the paths the resolver would have looked in (see the unresolved Resolution); undefined when
 * none of them is such a file: then the import names nothing anywhere. Call `askGitIgnored`
 * first with every target list of the run, so git is asked once, not once per import.
 */
export function generatedTarget(workspace: Workspace, targets: readonly string[]): { path: string; reason: GeneratedReason } | undefined {
  for (const target of targets) {
    // The ignored file itself (`routes.gen.ts`) names it better than the import (`./routes.gen`).
    const candidates = importCandidates(target);
    const ignored = gitIgnoredAmong(workspace, candidates);
    const path = candidates.find((candidate) => ignored.has(candidate));
    if (path !== undefined) return { path, reason: "gitignored" };
    if (GENERATED_NAME.test(target)) return { path: target, reason: "generated name" };
  }
  return undefined;
}

/** Asks git about every file these target lists name, at once (see generatedTarget). */
export function askGitIgnored(workspace: Workspace, targetLists: Iterable<readonly string[]>): void {
  const candidates: string[] = [];
  for (const targets of targetLists) for (const target of targets) candidates.push(...importCandidates(target));
  gitIgnoredAmong(workspace, candidates);
}

/**
 * The imports among `edges` of files a build writes: gitignored or generated-named files the
 * clone lacks, and ignored files on disk that an import resolved to (outside the file list).
 * What `guard init` lists as the repo's generated files.
 */
export function generatedImports(workspace: Workspace, edges: Iterable<ImportEdge>): GeneratedImport[] {
  const all = [...edges];
  askGitIgnored(workspace, all.flatMap((edge) => (edge.resolution.kind === "unresolved" && edge.resolution.targets ? [edge.resolution.targets] : [])));
  const found: GeneratedImport[] = [];
  for (const edge of all) {
    // A bundler query or loader (`./styles.css?url`) names a file the bundler reads, built or not.
    if (BUNDLER_SYNTAX.test(edge.specifier)) continue;
    const { resolution } = edge;
    if (resolution.kind === "local" && !workspace.repo.hasFile(resolution.path)) {
      found.push({ from: edge.from, specifier: edge.specifier, path: resolution.path, reason: "ignored file on disk" });
    } else if (resolution.kind === "unresolved" && resolution.targets) {
      const generated = generatedTarget(workspace, resolution.targets);
      if (generated) found.push({ from: edge.from, specifier: edge.specifier, ...generated });
    }
  }
  return found;
}
