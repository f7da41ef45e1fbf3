/**
 * A small JSONPath subset for rule files (`json-fields`): `$` then any of `.key`, `["key"]`,
 * `[n]` and `[*]` (or `.*`). Filters, slices, recursive descent and unions are not supported:
 * a rule names exact fields, so there is nothing to guess.
 */
export type JsonPathStep = { key: string } | { index: number } | { any: true };
/** A concrete place in a JSON value: object keys and array indexes from the root. */
export type JsonLocation = readonly (string | number)[];

const KEY = /^[A-Za-z_$][\w$-]*/;

/** Parses a path, or returns why it cannot (with the 0-based offset of the problem). */
export function parseJsonPath(text: string): { steps: JsonPathStep[] } | { error: string; at: number } {
  if (!text.startsWith("$")) return { error: "a path starts with `$`", at: 0 };
  const steps: JsonPathStep[] = [];
  let at = 1;
  while (at < text.length) {
    const rest = text.slice(at);
    if (rest.startsWith(".*")) {
      steps.push({ any: true });
      at += 2;
    } else if (rest.startsWith(".") && KEY.test(rest.slice(1))) {
      const key = KEY.exec(rest.slice(1))![0];
      steps.push({ key });
      at += 1 + key.length;
    } else if (rest.startsWith("[*]")) {
      steps.push({ any: true });
      at += 3;
    } else if (/^\[\d+\]/.test(rest)) {
      const digits = /^\[(\d+)\]/.exec(rest)![1]!;
      steps.push({ index: Number(digits) });
      at += digits.length + 2;
    } else if (/^\["(?:[^"\\]|\\.)*"\]/.test(rest)) {
      const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest)![1]!;
      steps.push({ key: JSON.parse(quoted) as string });
      at += quoted.length + 2;
    } else {
      return { error: `unsupported JSONPath syntax at "${rest.slice(0, 12)}"`, at };
    }
  }
  return { steps };
}

/** Does the concrete location match the path exactly (same depth, each step)? */
export function matchesJsonPath(steps: readonly JsonPathStep[], location: JsonLocation): boolean {
  if (steps.length !== location.length) return false;
  return steps.every((step, index) => {
    const part = location[index]!;
    if ("any" in step) return true;
    if ("key" in step) return part === step.key;
    return part === step.index;
  });
}

/** `$[3].description`, `$["odd key"]`: a location written as a path. */
export function formatJsonLocation(location: JsonLocation): string {
  return "$" + location.map((part) => (typeof part === "number" ? `[${part}]` : KEY.test(part) && KEY.exec(part)![0] === part ? `.${part}` : `[${JSON.stringify(part)}]`)).join("");
}
