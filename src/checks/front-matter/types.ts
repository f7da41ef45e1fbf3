/** The types guard gives meaning to in doc front-matter, and how to say a value is wrong. */

export interface KeyType {
  /** Words for the message: "a date (YYYY-MM-DD)". */
  expected: string;
  /** A value to show in the fix. */
  sample: string;
  accepts(value: unknown): boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A real calendar date written as ISO `YYYY-MM-DD` (optionally with a time), or a YAML timestamp. */
export function isDateValue(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const nonEmptyString = (value: unknown) => typeof value === "string" && value.trim() !== "";

/** Keys other guard rules read (docs/stale reads `reviewed` and `covers`), with their types. */
export const KNOWN_KEYS: Record<string, KeyType> = {
  reviewed: { expected: "a date (YYYY-MM-DD)", sample: "2025-01-31", accepts: isDateValue },
  owner: { expected: "a non-empty string (a person or team)", sample: "platform-team", accepts: nonEmptyString },
  status: { expected: "a non-empty string", sample: "draft", accepts: nonEmptyString },
  covers: {
    expected: "a list of globs",
    sample: '["src/orders/**"]',
    accepts: (value) => Array.isArray(value) && value.every(nonEmptyString),
  },
};

/** Any other required key only has to have a value. */
export const ANY_VALUE: KeyType = {
  expected: "a value",
  sample: "<value>",
  accepts: (value) => value !== null && value !== undefined && value !== "",
};

export function keyType(key: string): KeyType {
  return Object.hasOwn(KNOWN_KEYS, key) ? KNOWN_KEYS[key]! : ANY_VALUE;
}

/** What a value is, in words: `empty`, `the number 5`, `"tomorrow"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value === "number" ? "the number" : "the boolean"} ${String(value)}`;
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    return value.every((item) => typeof item === "string" && item.trim() !== "") ? "a list" : "a list with an item that is not a glob string";
  }
  return "a mapping";
}
