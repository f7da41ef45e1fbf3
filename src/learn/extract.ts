import type { ResolvedConfig } from "../config/types.js";
import { isCodeFile } from "../graph/types.js";
import { removedCode, type CodeSides, type RemovedCode, type RemovedImport } from "./extract-code.js";
import { coChangeCandidates } from "./extract-cochange.js";
import { extractContext } from "./extract-context.js";
import { importsAt } from "./extract-edges.js";
import { importCandidates } from "./extract-import.js";
import { groupRemoved, patternCandidates } from "./extract-pattern.js";
import { placementCandidates } from "./extract-placement.js";
import { textCandidates } from "./extract-text.js";
import type { Candidate, Evidence, FileChange } from "./types.js";

/**
 * What the fix says the mistake was (../shared/LEARN.md §2–3), as candidate rules.
 *
 * Kinds, from the diff between the bad and the good tree:
 * - **import**: an import (or `require`, `import()`) the fix removed, whose target the file no
 *   longer imports. `forbid` ladder: package name → module as imported; or, for a repo file, its
 *   layer (guard.yaml `layers`) or top folder → its folder → the file. `from` follows the scope
 *   ladder of the importing file.
 * - **pattern**: the smallest removed expression or statement (extract-nodes.ts). Pattern ladder:
 *   receiver (a library entry `moment($$$ARGS)`, or a local receiver as `$OBJ`) → argument
 *   lists as `$$$ARGS` and literals as `$_` → literals as `$_` → (for several similar nodes:
 *   their anti-unification) → the exact node. The node the fix put in its place feeds `fix`
 *   and `examples.good`.
 * - **placement**: a file moved to another folder; `match` = its kind suffix, then its name.
 * - **co-change**: the fix only added a companion (a doc) that the bad commit's code change
 *   lacked (extract-cochange.ts states the heuristic).
 * - **text**: removed lines of non-code, non-prose files; the regex generalises digits first.
 * Scope ladder of every kind (`files`, or `from`): every file → the layer or top folder → the
 * folder → the file.
 *
 * Order: the array is the ranking. Groups come as: imports whose bindings the removed code
 * used (the root cause), removed code, other imports, placement, co-change, text. Within a
 * group the candidates run from the most general to the most specific, and `generality`
 * numbers them in that order (0 = most general of its group).
 *
 * Nothing learnable (only values, whitespace or comments changed) gives []; `whyNothing` says
 * why. `notes`, when given, collects the reasons files gave nothing.
 */
export async function extractCandidates(evidence: Evidence, config: ResolvedConfig, notes: string[] = []): Promise<Candidate[]> {
  const context = extractContext(evidence, config);
  const code: RemovedCode[] = [];
  const imports: RemovedImport[] = [];
  for (const findings of await codeFindings(evidence, config)) {
    code.push(...findings.code);
    imports.push(...findings.imports);
    notes.push(...findings.notes);
  }
  const usedNames = new Set(code.flatMap((item) => rootName(item)));
  const linked = imports.filter((item) => item.names.some((name) => usedNames.has(name)));
  const unlinked = imports.filter((item) => !linked.includes(item));
  const candidates: Candidate[] = [];
  for (const item of linked) candidates.push(...importCandidates(item, context));
  for (const group of groupRemoved(code)) candidates.push(...(await patternCandidates(group, context)));
  for (const item of unlinked) candidates.push(...importCandidates(item, context));
  for (const change of evidence.files) candidates.push(...placementCandidates(change, context));
  candidates.push(...coChangeCandidates(context, notes));
  for (const change of evidence.files) candidates.push(...textCandidates(change, context, notes));
  return candidates;
}

/** Why the evidence gave no candidate, in one sentence for the exit-1 message. */
export async function whyNothing(evidence: Evidence, config: ResolvedConfig): Promise<string> {
  if (evidence.files.length === 0) return `nothing to learn: ${evidence.label} changes no file`;
  const notes: string[] = [];
  const candidates = await extractCandidates(evidence, config, notes);
  if (candidates.length > 0) return `${candidates.length} candidate rules were found`;
  const onlyAdded = evidence.files.every((file) => file.status === "added");
  if (onlyAdded) return `nothing to learn: the fix only adds files, so nothing it removed shows the mistake`;
  const reasons = notes.length > 0 ? notes.slice(0, 5).join("; ") : "the fix removed no code, import, text line or file location a rule could name";
  return `nothing to learn: ${reasons}`;
}

/** The modified code files of the fix, each with both sides' imports, analysed. */
async function codeFindings(evidence: Evidence, config: ResolvedConfig) {
  const sides = evidence.files.filter(
    (file): file is CodeSides["change"] =>
      (file.status === "modified" || file.status === "renamed") &&
      file.oldPath !== undefined && file.newPath !== undefined && isCodeFile(file.oldPath) &&
      file.before !== undefined && file.after !== undefined && file.removed.length > 0,
  );
  if (sides.length === 0) return [];
  const bad = await importsAt(config.root, evidence.bad, sides.map((file) => ({ path: file.oldPath, text: file.before })));
  const good = await importsAt(config.root, evidence.good, sides.map((file) => ({ path: file.newPath, text: file.after })));
  const results = [];
  for (const change of sides) {
    results.push(await removedCode({ change, badEdges: bad.get(change.oldPath) ?? [], goodEdges: good.get(change.newPath) ?? [] }));
  }
  return results;
}

/** The leftmost name of a removed call chain (`db` in `db.query(x)`), to link it to its import. */
function rootName(item: RemovedCode): string[] {
  let node = item.node;
  for (;;) {
    const next = node.field("function") ?? node.field("constructor") ?? node.field("object");
    if (!next) break;
    node = next;
  }
  return node.kind() === "identifier" ? [node.text()] : [];
}

export type { FileChange };
