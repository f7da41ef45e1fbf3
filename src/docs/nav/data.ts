import { parseDocument } from "yaml";

export type Parsed = { value: unknown } | { problem: string };

/** JSON text to a value; a malformed file is a problem to note, never a crash. */
export function parseJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
}

/**
 * YAML text to a value. Tags guard does not know (mkdocs' `!!python/name:…`, `!ENV`) are read
 * as plain scalars: only a syntax error makes the file unreadable.
 */
export function parseYaml(text: string): Parsed {
  try {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    if (document.errors.length > 0) return { problem: `not valid YAML (${document.errors[0]!.message.split("\n")[0]})` };
    return { value: document.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { problem: `not valid YAML (${(error as Error).message.split("\n")[0]})` };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string value met while walking parsed data, with the key it stands under (undefined in an array). */
export interface DataString {
  value: string;
  key: string | undefined;
  /** The nearest key above it (for `items: ['a']`, `items`), arrays looked through. */
  parentKey: string | undefined;
}

/** Every string in parsed JSON or YAML, depth first, without recursion (deep nesting cannot overflow the stack). */
export function dataStrings(root: unknown): DataString[] {
  const found: DataString[] = [];
  const stack: { value: unknown; key: string | undefined; parentKey: string | undefined }[] = [{ value: root, key: undefined, parentKey: undefined }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, key, parentKey } = next;
    if (typeof value === "string") found.push({ value, key, parentKey });
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: undefined, parentKey: key ?? parentKey });
    } else if (isRecord(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parentKey: key ?? parentKey });
    }
  }
  return found;
}
