import { posix } from "node:path";
import { isMarkdown, type Workspace } from "../workspace.js";
import { importsOf, importTarget, type ImportRef } from "./claude-imports.js";

/** Files Claude Code (CLAUDE.md, CLAUDE.local.md) and Gemini CLI (GEMINI.md) load and expand. */
const IMPORTING_MAPS = new Set(["CLAUDE.md", "CLAUDE.local.md", "GEMINI.md"]);

/** Claude Code and Gemini CLI follow imports at most this many hops from the map. */
export const MAX_IMPORT_DEPTH = 5;

export interface ImportEdge {
  from: string;
  ref: ImportRef;
  /** Repo path of the target, resolved from the importing file's folder. */
  to: string;
  exists: boolean;
  /** The target exists and is Markdown, so its own imports are followed. */
  follows: boolean;
}

/** The import graph reachable from every CLAUDE.md / GEMINI.md, built once per run. */
export class ImportGraph {
  readonly roots: string[];
  private readonly edgesByFile = new Map<string, ImportEdge[]>();

  constructor(private readonly workspace: Workspace) {
    this.roots = ImportGraph.rootsOf(workspace);
    const queue = [...this.roots];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (this.edgesByFile.has(file)) continue;
      const edges = this.readEdges(file);
      this.edgesByFile.set(file, edges);
      for (const edge of edges) if (edge.follows && !this.edgesByFile.has(edge.to)) queue.push(edge.to);
    }
  }

  /** The maps Claude Code and Gemini CLI load (CLAUDE.md, CLAUDE.local.md, GEMINI.md). */
  static rootsOf(workspace: Workspace): string[] {
    return workspace.repo.files.filter((file) => IMPORTING_MAPS.has(posix.basename(file)));
  }

  static of(workspace: Workspace): ImportGraph {
    return workspace.shared("claude-import-graph", () => new ImportGraph(workspace));
  }

  /** Every file reached from a root (roots included), sorted. */
  files(): string[] {
    return [...this.edgesByFile.keys()].sort();
  }

  edges(file: string): ImportEdge[] {
    return this.edgesByFile.get(file) ?? [];
  }

  /** Shortest import path from `root` to every file it reaches: file → the files before it. */
  shortestPaths(root: string): Map<string, string[]> {
    const paths = new Map<string, string[]>([[root, [root]]]);
    const queue = [root];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const edge of this.edges(file)) {
        if (!edge.follows || paths.has(edge.to)) continue;
        paths.set(edge.to, [...paths.get(file)!, edge.to]);
        queue.push(edge.to);
      }
    }
    return paths;
  }

  private readEdges(file: string): ImportEdge[] {
    const { repo } = this.workspace;
    // No `@`, no import: skip parsing the file. An imported CHANGELOG is loaded, but not followed.
    if (!isMarkdown(file) || this.workspace.unparsedChangelog(file) || !repo.readText(file)?.includes("@")) return [];
    const doc = this.workspace.markdown(file);
    if (!doc) return [];
    const edges: ImportEdge[] = [];
    for (const ref of importsOf(doc)) {
      const target = importTarget(file, ref.path, repo.root);
      if (target.kind !== "repo") continue;
      const exists = repo.exists(target.path);
      const follows = exists && repo.hasFile(target.path) && isMarkdown(target.path);
      edges.push({ from: file, ref, to: target.path, exists, follows });
    }
    return edges;
  }
}

/**
 * Import cycles, each once: strongly connected groups of files (Tarjan), each given as the
 * shortest cycle through its first file in sorted order, starting and ending there.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const next = (file: string) => graph.edges(file).filter((edge) => edge.follows).map((edge) => edge.to);
  const cycles: string[][] = [];
  for (const group of stronglyConnected(graph.files(), next)) {
    const first = [...group].sort()[0]!;
    if (group.length === 1 && !next(first).includes(first)) continue;
    const members = new Set(group);
    cycles.push(shortestCycle(first, (file) => next(file).filter((to) => members.has(to))));
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function shortestCycle(start: string, next: (file: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const to of next(file)) {
      if (to === start) {
        const cycle = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(to)) {
        previous.set(to, file);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

function stronglyConnected(nodes: string[], next: (node: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    groups.push(group);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups;
}
