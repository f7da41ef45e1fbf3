import type { SgNode } from "@ast-grep/napi";
import { normalised } from "./extract-nodes.js";
import { splice, type Replacement } from "./ladder-pattern.js";

/**
 * Anti-unification of similar nodes (`moment(a, "YYYY")` and `moment()` → `moment($$$)`): what
 * they share stays, what differs becomes a metavariable. Undefined when nothing is shared.
 */
export function antiUnify(nodes: SgNode[]): string | undefined {
  const result = unify(nodes);
  return result === "$_" ? undefined : result;
}

function unify(nodes: SgNode[]): string {
  const first = nodes[0]!;
  const text = normalised(first.text());
  if (nodes.every((node) => normalised(node.text()) === text)) return first.text();
  if (!nodes.every((node) => node.kind() === first.kind())) return "$_";
  const childLists = nodes.map((node) => node.children());
  const count = childLists[0]!.length;
  if (!childLists.every((children) => children.length === count)) return first.kind() === "arguments" ? "($$$)" : "$_";
  const replacements: Replacement[] = [];
  for (let i = 0; i < count; i++) {
    const column = childLists.map((children) => children[i]!);
    const same = column.every((child) => normalised(child.text()) === normalised(column[0]!.text()));
    if (same) continue;
    if (!column.every((child) => child.isNamed())) return "$_";
    replacements.push({ node: column[0]!, text: unify(column) });
  }
  return splice(first, replacements) ?? "$_";
}

