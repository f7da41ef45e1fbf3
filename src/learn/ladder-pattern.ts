import type { SgNode } from "@ast-grep/napi";
import { normalised } from "./extract-nodes.js";

/** What a file declares, to tell a library binding from a local receiver. */
export interface Bindings {
  /** Names an import (or `require`) brought in, each with the module it came from. */
  imported: Map<string, string>;
  /** Variables, parameters, functions and classes of the file. */
  local: Set<string>;
}

/** One rung of the pattern ladder. */
export interface PatternStep {
  pattern: string;
  /** "receiver", "arguments", "literals", "exact", "shared" (anti-unified). */
  step: string;
}

const LITERALS = new Set(["string", "template_string", "number", "regex", "true", "false", "null"]);
const CALLS = new Set(["call_expression", "new_expression"]);

export interface Replacement {
  node: SgNode;
  text: string;
}

/**
 * The pattern ladder of one removed node, most general first:
 * receiver (a library call's entry `moment($$$ARGS)`, or a local receiver as `$OBJ` keeping the
 * member names) → argument lists as `$$$ARGS` and literals as `$_` → literals as `$_` → the
 * exact node. A global receiver (`console`, `new Date(x)`) is kept: it carries the meaning.
 */
export function patternLadder(node: SgNode, bindings: Bindings): PatternStep[] {
  const exact = withoutSemicolon(node.text());
  const steps: PatternStep[] = [];
  const receiver = receiverPattern(node, bindings);
  if (receiver) steps.push({ pattern: withoutSemicolon(receiver), step: "receiver" });
  const args = splice(node, argumentsAndLiterals(node));
  if (args) steps.push({ pattern: withoutSemicolon(args), step: "arguments" });
  const literals = splice(node, literalsIn(node));
  if (literals) steps.push({ pattern: withoutSemicolon(literals), step: "literals" });
  // A rung that generalised nothing is the exact node, under its own name.
  return unique([...steps.filter((step) => normalised(step.pattern) !== normalised(exact)), { pattern: exact, step: "exact" }]);
}

/** `debugger;` → `debugger`: a statement pattern needs no semicolon, and reads better without. */
function withoutSemicolon(pattern: string): string {
  return pattern.replace(/;\s*$/, "");
}

/** The name that carries a node's meaning, for the rule id: `moment`, `lodash`, `forEach`, `debugger`. */
export function subjectOf(node: SgNode, bindings: Bindings): string {
  const { root, call } = chainOf(node);
  const module = root?.kind() === "identifier" ? bindings.imported.get(root.text()) : undefined;
  if (module !== undefined) return moduleName(module);
  const callee = call?.field(call.kind() === "new_expression" ? "constructor" : "function");
  const outer = node.kind() === "call_expression" ? node.field("function") : node;
  if (outer?.kind() === "member_expression") return outer.field("property")?.text() ?? node.text();
  if (callee) return `${call!.kind() === "new_expression" ? "new " : ""}${callee.text()}`;
  return node.text();
}

/** `lodash/debounce` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `../persistence/db` → `db`. */
function moduleName(specifier: string): string {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return specifier.split("/").pop()!.replace(/\..*$/, "");
  const parts = specifier.replace(/^node:/, "").split("/");
  return specifier.startsWith("@") && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** How a message shows what was used: `moment()` for a call of a library entry, else the pattern. */
export function shownUse(pattern: string): string {
  const call = /^(new\s+)?([\w$.]+)\(\$\$\$ARGS\)$/.exec(pattern);
  return call ? `${call[1] ?? ""}${call[2]}()` : pattern.replace(/\(\$\$\$ARGS\d*\)/g, "()");
}

/** The chain a call or member access hangs from: its leftmost root and the innermost call. */
function chainOf(node: SgNode): { root: SgNode | undefined; call: SgNode | undefined } {
  let current: SgNode | null = node;
  let call: SgNode | undefined;
  while (current) {
    const kind = current.kind();
    if (kind === "call_expression") {
      call = current;
      current = current.field("function");
    } else if (kind === "new_expression") {
      call = current;
      current = current.field("constructor");
    } else if (kind === "member_expression" || kind === "subscript_expression") {
      current = current.field("object");
    } else if (kind === "non_null_expression" || kind === "await_expression") {
      current = current.child(0)?.isNamed() ? current.child(0) : current.child(1);
    } else {
      break;
    }
  }
  return { root: current ?? undefined, call };
}

function receiverPattern(node: SgNode, bindings: Bindings): string | undefined {
  if (!CALLS.has(node.kind() as string) && node.kind() !== "member_expression") return undefined;
  const { root, call } = chainOf(node);
  if (!root) return undefined;
  const name = root.kind() === "identifier" ? root.text() : undefined;
  if (name !== undefined && bindings.imported.has(name)) {
    // The library's entry point is the mistake, whatever is chained on it.
    return call ? splice(call, argumentsAndLiterals(call)) : undefined;
  }
  const local = root.kind() === "this" || (name !== undefined && bindings.local.has(name));
  if (!local || root.parent()?.kind() === "call_expression") return undefined;
  return splice(node, [...argumentsAndLiterals(node), { node: root, text: "$OBJ" }]);
}

/** Every argument list as `($$$ARGS)`, `($$$ARGS2)`…, and every literal outside them as `$_`. */
function argumentsAndLiterals(node: SgNode): Replacement[] {
  const found: Replacement[] = [];
  const visit = (current: SgNode) => {
    if (current.kind() === "arguments") {
      found.push({ node: current, text: `($$$ARGS${found.filter((r) => r.text.startsWith("($$$")).length || ""})` });
      return;
    }
    if (LITERALS.has(current.kind() as string)) {
      found.push({ node: current, text: "$_" });
      return;
    }
    for (const child of current.children()) visit(child);
  };
  visit(node);
  return found;
}

function literalsIn(node: SgNode): Replacement[] {
  const found: Replacement[] = [];
  const visit = (current: SgNode) => {
    if (LITERALS.has(current.kind() as string)) found.push({ node: current, text: "$_" });
    else for (const child of current.children()) visit(child);
  };
  visit(node);
  return found;
}

/** The node's text with some of its descendants replaced; undefined when positions do not line up. */
export function splice(node: SgNode, replacements: Replacement[]): string | undefined {
  const text = node.text();
  const base = node.range().start.index;
  const ordered = replacements
    .map((r) => ({ start: r.node.range().start.index - base, end: r.node.range().end.index - base, text: r.text, original: r.node.text() }))
    .sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const r of ordered) {
    if (r.start < at) continue; // inside a replaced node
    if (text.slice(r.start, r.end) !== r.original) return undefined;
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/** Whether a pattern matches the node or something inside it. */
export function patternMatches(node: SgNode, pattern: string): boolean {
  try {
    return node.matches(pattern) || node.find(pattern) !== null;
  } catch {
    return false;
  }
}

function unique(steps: PatternStep[]): PatternStep[] {
  const seen = new Set<string>();
  return steps.filter((step) => {
    const key = normalised(step.pattern);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
