import { formatJsonLocation, matchesJsonPath, type JsonLocation, type JsonPathStep } from "../../core/json-path.js";

/** A `json-fields` rule, compiled: which locations may change, and in which directions. */
export interface JsonFieldsPolicy {
  mutable: { text: string; steps: JsonPathStep[]; transitions?: [unknown, unknown][] }[];
  allowRemove: boolean;
}

/** One change the policy does not allow, at its location (the new side's, or the old one's for a removed entry). */
export interface JsonViolation {
  location: JsonLocation;
  /** What changed, in words: `$[3].description changed from "a" to "b"; only $[*].passes may change`. */
  change: string;
}

const ABSENT = Symbol("absent");
/** Deeper than any hand-kept list; past it the caller skips the file (a RangeError, like a stack overflow). */
export const MAX_JSON_DEPTH = 256;
type Value = unknown;

/**
 * Compares the old and the new JSON value of a file. Locations matching a `mutable` path may
 * change (within their `transitions`, when listed); everything else must stay equal. Arrays:
 * entries added at the end are fine; a removed entry fires unless `allowRemove` (entries are
 * matched in order by their content outside the mutable fields); a reordered entry shows as
 * the edits it makes at its position.
 */
export function jsonViolations(before: Value, after: Value, policy: JsonFieldsPolicy): JsonViolation[] {
  const found: JsonViolation[] = [];
  const only = policy.mutable.length ? `only ${policy.mutable.map((path) => path.text).join(", ")} may change` : "no field may change";
  const mutableAt = (location: JsonLocation) => policy.mutable.find((path) => matchesJsonPath(path.steps, location));

  const compare = (old: Value, now: Value, location: JsonLocation): void => {
    if (location.length > MAX_JSON_DEPTH) throw new RangeError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
    const mutable = mutableAt(location);
    if (mutable) {
      if (!mutable.transitions || equal(old, now)) return;
      if (mutable.transitions.some(([from, to]) => old !== ABSENT && now !== ABSENT && equal(from, old) && equal(to, now))) return;
      const allowed = mutable.transitions.map(([from, to]) => `${show(from)} → ${show(to)}`).join(", ");
      found.push({ location, change: `${describe(location, old, now)}; allowed: ${allowed}` });
    } else if (Array.isArray(old) && Array.isArray(now)) {
      compareArrays(old, now, location);
    } else if (isObject(old) && isObject(now)) {
      const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
      for (const key of keys) compare(Object.hasOwn(old, key) ? old[key] : ABSENT, Object.hasOwn(now, key) ? now[key] : ABSENT, [...location, key]);
    } else if (old === ABSENT && onlyMutable(now, location) || now === ABSENT && onlyMutable(old, location)) {
      // `dependencies: { run: "^2" }` added where `$.dependencies.*` may change: only mutable fields came or went.
    } else if (!equal(old, now)) {
      found.push({ location, change: `${describe(location, old, now)}; ${only}` });
    }
  };

  /** A non-empty object whose every key is a mutable location (without transitions): adding or removing it changes nothing frozen. */
  const onlyMutable = (value: Value, location: JsonLocation): boolean =>
    isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => mutableAt([...location, key])?.transitions === undefined && mutableAt([...location, key]) !== undefined);

  const compareArrays = (old: Value[], now: Value[], location: JsonLocation): void => {
    if (now.length >= old.length) {
      old.forEach((entry, index) => compare(entry, now[index], [...location, index]));
      return;
    }
    const frozen = (entry: Value, index: number) => JSON.stringify(freeze(entry, [...location, index], mutableAt));
    const pairs: [number, number][] = [];
    const removed: number[] = [];
    let next = 0;
    old.forEach((entry, index) => {
      if (next < now.length && frozen(entry, index) === frozen(now[next], next)) pairs.push([index, next++]);
      else removed.push(index);
    });
    if (next < now.length) {
      // The kept entries were edited too: compare position by position, the tail is what was removed.
      pairs.length = 0;
      removed.length = 0;
      now.forEach((_, index) => pairs.push([index, index]));
      for (let index = now.length; index < old.length; index++) removed.push(index);
    }
    for (const [from, to] of pairs) compare(old[from], now[to], [...location, to]);
    if (policy.allowRemove) return;
    for (const index of removed) {
      found.push({ location: [...location, index], change: `${formatJsonLocation([...location, index])} removed (was ${show(old[index])}); entries may not be removed` });
    }
  };

  compare(before, after, []);
  return found;
}

function describe(location: JsonLocation, old: Value, now: Value): string {
  const path = formatJsonLocation(location);
  if (old === ABSENT) return `${path} added (${show(now)})`;
  if (now === ABSENT) return `${path} removed (was ${show(old)})`;
  if (typeof old === "string" && typeof now === "string" && show(old) === show(now)) {
    // Two long strings that differ past the shown part: show both from just before the first difference.
    let start = 0;
    while (old[start] === now[start]) start++;
    return `${path} changed from …${show(old.slice(Math.max(0, start - 20)))} to …${show(now.slice(Math.max(0, start - 20)))}`;
  }
  return `${path} changed from ${show(old)} to ${show(now)}`;
}

/** A value in one short line. */
function show(value: Value): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The value without its mutable parts: what must stay equal for two entries to be "the same". */
function freeze(value: Value, location: JsonLocation, mutableAt: (location: JsonLocation) => unknown): Value {
  if (location.length > MAX_JSON_DEPTH) throw new RangeError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  if (mutableAt(location)) return null;
  if (Array.isArray(value)) return value.map((entry, index) => freeze(entry, [...location, index], mutableAt));
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.filter((key) => !mutableAt([...location, key])).map((key) => [key, freeze(value[key], [...location, key], mutableAt)]));
  }
  return value;
}

function isObject(value: Value): value is Record<string, Value> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; the order of object keys does not matter. */
function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, index) => equal(entry, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
  }
  return false;
}
