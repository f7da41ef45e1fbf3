import { defineRule } from "../rule.js";
import { importCycles, ImportGraph, MAX_IMPORT_DEPTH, type ImportEdge } from "../maps/claude-import-graph.js";

export default defineRule({
  meta: {
    id: "agents/import",
    description: "An @path import in a CLAUDE.md or GEMINI.md is missing, cyclic or nested too deep.",
    severity: "error",
    markdown: (workspace) => ImportGraph.rootsOf(workspace),
    messages: {
      missing: "`@{path}` in {file} imports {target}, which does not exist",
      cycle: "`@{path}` in {file} starts an import cycle: {cycle}",
      tooDeep: "`@{path}` in {file} is import number {depth} in the chain {chain}; Claude Code follows at most {max}, so {target} is never loaded",
    },
    fix: {
      missing: "Change `@{path}` in {file} to the path of an existing file (relative to the folder of {file}), or remove the import.",
      cycle: "Remove one import of the cycle {cycle}: keep the shared text in one file that the others import.",
      tooDeep: "Import {target} directly from a file nearer to {root} (or inline its content) so that it is at most {max} imports deep.",
    },
  },
  check({ workspace, report }) {
    const graph = ImportGraph.of(workspace);
    const reported = new Set<string>();
    const once = (edge: ImportEdge, kind: string) => {
      const key = `${kind}\0${edge.from}\0${edge.ref.line}\0${edge.ref.column}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    const at = (edge: ImportEdge) => ({ file: edge.from, line: edge.ref.line, column: edge.ref.column, endColumn: edge.ref.endColumn });

    for (const file of graph.files()) {
      for (const edge of graph.edges(file)) {
        if (edge.exists) continue;
        report({ ...at(edge), messageId: "missing", data: { path: edge.ref.path, file, target: edge.to }, evidence: { import: edge.ref.path } });
      }
    }

    for (const cycle of importCycles(graph)) {
      const [first, second] = cycle;
      const edge = graph.edges(first!).find((candidate) => candidate.follows && candidate.to === second)!;
      const shown = cycle.join(" → ");
      report({ ...at(edge), messageId: "cycle", data: { path: edge.ref.path, file: first!, cycle: shown }, evidence: { cycle } });
    }

    for (const root of graph.roots) {
      const paths = graph.shortestPaths(root);
      for (const [file, chain] of paths) {
        // chain[0] is the root itself, so a file `chain.length - 1` imports deep.
        if (chain.length - 1 !== MAX_IMPORT_DEPTH) continue;
        for (const edge of graph.edges(file)) {
          // Skip targets that a shorter chain already loads.
          const loaded = (paths.get(edge.to)?.length ?? Infinity) - 1 <= MAX_IMPORT_DEPTH;
          if (!edge.follows || loaded || !once(edge, "deep")) continue;
          report({
            ...at(edge),
            messageId: "tooDeep",
            data: {
              path: edge.ref.path,
              file,
              depth: MAX_IMPORT_DEPTH + 1,
              chain: [...chain, edge.to].join(" → "),
              max: MAX_IMPORT_DEPTH,
              target: edge.to,
              root,
            },
            evidence: { import: edge.ref.path, root },
          });
        }
      }
    }
  },
});
