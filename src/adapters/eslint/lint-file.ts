import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { importFinding } from "../../checks/custom/import.js";
import { loadCodeScanning, type CodeScanning } from "../../checks/code-scanning.js";
import { codeSuppressions } from "../../checks/suppressions/code-suppressions.js";
import { deepImportFinding } from "../../checks/imports/deep-import-verdict.js";
import { layerFinding } from "../../checks/imports/layer-verdict.js";
import type { Finding } from "../../core/types.js";
import { stamp } from "../../engine/stamp.js";
import { suppresses, type Suppression } from "../../engine/suppressions.js";
import type { SelectedRule } from "../../engine/select-rules.js";
import { importEdge, resolveSafely } from "../../graph/import-graph.js";
import { saveCodeCache, useCodeCacheFolder } from "../../graph/typescript-cache.js";
import { isCodeFile, type ImportEdge } from "../../graph/types.js";
import { cacheFolder } from "../../repo/cache-files.js";
import { projectFor, type GuardProject } from "./project.js";

/** One finding of `guard check` on the linted text, stamped as the engine stamps it. */
export interface GuardProblem {
  /** guard's rule id: arch/layer, or the rule file's id. */
  rule: string;
  /** guard's message id (arch/layer: upward, crossCutting; arch/deep-import: deep; a rule file: match). */
  messageId: string;
  message: string;
  fix: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type LintOutcome = { problems: GuardProblem[] } | { configError: string };

/** Which of guard's checks an ESLint rule runs. */
export type GuardCheck = "layers" | "imports";

/**
 * The findings `guard check` would report on the file at `filename` if its content were `text`
 * (the editor's buffer, saved or not): its imports lexed from `text` by the graph's lexer,
 * resolved by the graph's resolver, judged by arch/layer's and the import kind's own functions,
 * stamped by the engine's `stamp`, and silenced by `guard-ignore` comments as the engine does.
 */
export function lintWithGuard(check: GuardCheck, filename: string, cwd: string, text: string): LintOutcome {
  // `<input>`, `<text>`: text with no file behind it belongs to no repository.
  if (filename.startsWith("<")) return { problems: [] };
  const absolute = isAbsolute(filename) ? filename : resolve(cwd, filename);
  const project = projectFor(dirname(absolute));
  if (!project) return { problems: [] };
  if ("error" in project) return { configError: project.error };
  const file = relative(project.root, absolute).split(sep).join("/");
  if (file === "" || file.startsWith("../") || isAbsolute(file) || !isCodeFile(file)) return { problems: [] };
  // Files guard check does not list: excluded by guard.yaml, or ignored by git.
  if (project.excluded(file) || project.ignored(file)) return { problems: [] };
  const edges = edgesOf(project, file, text);
  const found: { selected: SelectedRule; finding: Finding }[] = [];
  if (check === "layers") {
    const { layerRule, deepImportRule, layers, config } = project;
    for (const edge of edges) {
      const upward = layerRule && layers.names.length > 0 ? layerFinding(layers, config, file, edge) : undefined;
      if (layerRule && upward) found.push({ selected: layerRule, finding: upward });
      const deep = deepImportRule ? deepImportFinding(project.modulesOf, layers, file, edge) : undefined;
      if (deepImportRule && deep) found.push({ selected: deepImportRule, finding: deep });
    }
  }
  if (check === "imports") {
    for (const { selected, compiled } of project.importRules) {
      const captures = compiled.select(file);
      if (!captures) continue;
      for (const edge of edges) {
        const finding = importFinding(compiled, file, captures, edge);
        if (finding) found.push({ selected, finding: { ...finding, messageId: "match" } });
      }
    }
  }
  const suppressions = found.length > 0 ? codeSuppressions(file, text) : [];
  return { problems: found.filter(({ selected, finding }) => !silenced(suppressions, selected, finding)).map(toProblem) };
}

function silenced(suppressions: readonly Suppression[], selected: SelectedRule, finding: Finding): boolean {
  return suppressions.some((suppression) => suppresses(suppression, selected.rule.meta.id, finding.line ?? 1));
}

function toProblem({ selected, finding }: { selected: SelectedRule; finding: Finding }): GuardProblem {
  const diagnostic = stamp(selected.rule, selected.severity, finding);
  const { rule, message, fix, line, column, endLine, endColumn } = diagnostic;
  return { rule, messageId: finding.messageId, message, fix, line, column, endLine, endColumn };
}

/** The last text's edges: guard/layers and guard/imports lint the same buffer one after the other. */
let last: { root: string; file: string; text: string; edges: readonly ImportEdge[] } | undefined;

function edgesOf(project: GuardProject, file: string, text: string): readonly ImportEdge[] {
  if (last && last.root === project.root && last.file === file && last.text === text) return last.edges;
  const resolver = project.resolver();
  const edges: ImportEdge[] = [];
  for (const ref of scanner(project.root).extractImports(text, file)) {
    const resolution = resolveSafely(resolver, file, ref.specifier);
    if (resolution) edges.push(importEdge(file, ref, resolution));
  }
  saveCodeCache(); // once, now that the scanner's functions are compiled
  last = { root: project.root, file, text, edges };
  return edges;
}

let scanning: CodeScanning | undefined;

/** TypeScript's scanner, loaded once per process with V8's code cache in the repo's cache folder (shared with guard check). */
function scanner(root: string): CodeScanning {
  if (!scanning) {
    useCodeCacheFolder(cacheFolder(root, true));
    scanning = loadCodeScanning();
  }
  return scanning;
}
