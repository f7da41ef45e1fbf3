import type { RelatedLocation } from "../../core/types.js";
import { findCycles } from "../../graph/cycles.js";
import type { ImportEdge, ImportGraph } from "../../graph/types.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "arch/cycle",
    description: "Files form an import cycle.",
    severity: "error",
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
    const graph = await workspace.importGraph();
    // A dynamic import() runs after both modules have loaded: it is how code breaks a cycle on purpose.
    const imports = importsByTarget(graph, options.includeDynamic === true);
    const targets = new Map([...imports].map(([file, byTarget]) => [file, [...byTarget.keys()]]));
    const successors = (file: string): readonly string[] => targets.get(file) ?? [];
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
      report({
        file: first.from,
        ...place(first),
        messageId: files.length === 1 ? "self" : "cycle",
        data: { file: first.from, count: files.length, chain, notes, first: files[0]!, last: files[files.length - 1]! },
        evidence: { cycle: files },
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
});

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
