import { createHash } from "node:crypto";
import type { Finding, RelatedLocation } from "../../core/types.js";
import { findCycles } from "../../graph/cycles.js";
import type { ImportEdge, ImportGraph } from "../../graph/types.js";
import type { FileMemo } from "../../repo/file-memo.js";
import { memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";
import type { Workspace } from "../workspace.js";

/** What the memo keeps of a run: its findings, and the files on their chains (whose import positions they quote). */
interface StoredCycles {
  findings: Finding[];
  files: string[];
}

/** The memo value of a file that could not be read (its skip is reported again each run). */
const UNREADABLE = "-";

export default defineRule({
  meta: {
    id: "arch/cycle",
    description: "Files form an import cycle.",
    severity: "error",
    importGraph: true,
    messages: {
      cycle: "Import cycle of {count} files: {chain}{notes}",
      self: "{file} imports itself{notes}",
    },
    fix: {
      cycle:
        "Break the cycle {chain}: move what {first} and {last} both need into a lower module that imports neither, or invert one dependency (pass it in as a parameter instead of importing it).",
      self: "Remove the import of {file} from {file} itself; it names its own path.",
    },
  },
  async check({ workspace, options, report }) {
    // A dynamic import() runs after both modules have loaded: it is how code breaks a cycle on purpose.
    const includeDynamic = options.includeDynamic === true;
    const space = memoSpace("arch/cycle", options);
    const memo = workspace.fileMemo();
    const stored = memo && (await storedCycles(workspace, memo, space, includeDynamic));
    if (stored) {
      for (const finding of stored) report(finding as Parameters<typeof report>[0]);
      return;
    }
    const graph = await workspace.importGraph();
    const imports = importsByTarget(graph, includeDynamic);
    const targets = new Map([...imports].map(([file, byTarget]) => [file, [...byTarget.keys()]]));
    const successors = (file: string): readonly string[] => targets.get(file) ?? [];
    const found: Parameters<typeof report>[0][] = [];
    for (const { files, componentSize } of findCycles(graph.files, successors)) {
      const links = files.map((from, i) => link(imports, from, files[(i + 1) % files.length]!));
      const chain = [...files, files[0]!].join(" → ");
      const typeOnly = links.filter((entry) => entry.typeOnly).map((entry) => `${entry.edge.from} → ${entry.to}`);
      const notes = [
        typeOnly.length > 0 ? `; type-only: ${typeOnly.join(", ")}` : "",
        componentSize > files.length ? `; one of several cycles among ${componentSize} files that import each other` : "",
      ].join("");
      const first = links[0]!.edge;
      const related: RelatedLocation[] = links.slice(1).map(({ edge, to }) => ({ ...place(edge), file: edge.from, message: `imports ${to}` }));
      found.push({
        file: first.from,
        ...place(first),
        messageId: files.length === 1 ? "self" : "cycle",
        data: { file: first.from, count: files.length, chain, notes, first: files[0]!, last: files[files.length - 1]! },
        evidence: { cycle: files },
        ...(related.length > 0 ? { related } : {}),
      });
    }
    if (memo) {
      const inGraph = new Set(graph.files);
      for (const file of workspace.codeFiles()) memo.set(space, file, inGraph.has(file) ? digest(successors(file)) : UNREADABLE);
      const onChains = new Set(found.flatMap((finding) => (finding.evidence as { cycle: string[] }).cycle));
      memo.setRun(space, { findings: found, files: [...onChains] } satisfies StoredCycles);
    }
    for (const finding of found) report(finding);
  },
});

/**
 * The last run's findings when they still hold: the memo keeps each file's import targets (as a
 * digest) and the cycles found; when every file that changed since imports the same files as
 * before, the cycles are the same, and when none of them lies on a reported chain, so are the
 * places the findings quote. Then only the changed files are read; otherwise undefined, and
 * the whole graph is built.
 */
async function storedCycles(workspace: Workspace, memo: FileMemo, space: string, includeDynamic: boolean): Promise<Finding[] | undefined> {
  const stored = memo.run<StoredCycles>(space);
  if (!stored || !Array.isArray(stored.findings) || !Array.isArray(stored.files)) return undefined;
  // Files whose digest is missing, or that could not be read last time (read again: the repo reports why).
  const changed = memo.replay<string>(space, workspace.codeFiles(), (value) => value === UNREADABLE, false).missing;
  const onChains = new Set(stored.files);
  if (changed.some((file) => onChains.has(file))) return undefined;
  const edges = await workspace.importEdges(changed);
  const digests = new Map<string, string>();
  for (const file of changed) {
    const fileEdges = edges.get(file);
    const value = fileEdges ? digest(localTargets(fileEdges, includeDynamic)) : UNREADABLE;
    if (memo.previous(space, file) !== value) return undefined;
    digests.set(file, value);
  }
  for (const [file, value] of digests) memo.set(space, file, value);
  return stored.findings;
}

/** The files these imports lead to, as the cycle search follows them. */
function localTargets(edges: readonly ImportEdge[], includeDynamic: boolean): string[] {
  const targets = new Set<string>();
  for (const edge of edges) {
    if (edge.resolution.kind === "local" && (edge.kind !== "dynamic" || includeDynamic)) targets.add(edge.resolution.path);
  }
  return [...targets];
}

function digest(targets: readonly string[]): string {
  return createHash("sha1").update([...targets].sort().join("\n")).digest("base64").slice(0, 16);
}

/** from → to → the imports of `from` that lead to `to`, in source order. */
function importsByTarget(graph: ImportGraph, includeDynamic: boolean): Map<string, Map<string, ImportEdge[]>> {
  const byFile = new Map<string, Map<string, ImportEdge[]>>();
  for (const edge of graph.localEdges()) {
    if (edge.resolution.kind !== "local" || (edge.kind === "dynamic" && !includeDynamic)) continue;
    const targets = byFile.get(edge.from) ?? new Map<string, ImportEdge[]>();
    byFile.set(edge.from, targets);
    const list = targets.get(edge.resolution.path) ?? [];
    targets.set(edge.resolution.path, list);
    list.push(edge);
  }
  for (const targets of byFile.values()) {
    for (const list of targets.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return byFile;
}

/** One step of the chain: where `from` first imports `to`, and whether every such import is type-only. */
function link(imports: Map<string, Map<string, ImportEdge[]>>, from: string, to: string) {
  const edges = imports.get(from)!.get(to)!;
  return { edge: edges[0]!, to, typeOnly: edges.every((edge) => edge.typeOnly) };
}

function place(edge: ImportEdge) {
  return { line: edge.line, column: edge.column, endLine: edge.endLine, endColumn: edge.endColumn };
}
