import type { SgNode } from "@ast-grep/napi";
import { normalised } from "./extract-nodes.js";

/** Literal values: changing one of them is tuning, not a mistake a rule could name. */
const VALUES = new Set(["number", "string", "template_string", "true", "false", "null"]);

/**
 * Whether two nodes have the same shape and differ only in literal values (`30` → `60`,
 * `"en"` → `"en-GB"`): such a fix has nothing to learn. Comments and layout never count.
 */
export function differsOnlyInValues(a: SgNode, b: SgNode): boolean {
  if (normalised(a.text()) === normalised(b.text())) return true;
  // A template's text is a value; what it interpolates is code (`${user.name}` → `${user.password}`).
  if (a.kind() === "template_string" && b.kind() === "template_string") return sameSubstitutions(a, b);
  if (VALUES.has(a.kind() as string) && VALUES.has(b.kind() as string)) return true;
  if (a.kind() !== b.kind()) return false;
  const left = a.children().filter((child) => child.kind() !== "comment");
  const right = b.children().filter((child) => child.kind() !== "comment");
  if (left.length !== right.length || left.length === 0) return false;
  return left.every((child, i) => differsOnlyInValues(child, right[i]!));
}

function sameSubstitutions(a: SgNode, b: SgNode): boolean {
  const of = (node: SgNode) => node.children().filter((child) => child.kind() === "template_substitution");
  const left = of(a);
  const right = of(b);
  return left.length === right.length && left.every((child, i) => differsOnlyInValues(child, right[i]!));
}

/** The same for two lines of a text file: equal once every run of digits is read as one number. */
export function linesDifferOnlyInNumbers(a: string, b: string): boolean {
  return a.replace(/\d+/g, "0").trim() === b.replace(/\d+/g, "0").trim();
}
