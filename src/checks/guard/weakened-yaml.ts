import { parseYamlSource, type YamlSource } from "../../config/yaml-source.js";

/** A change that makes guard quieter, located on the changed side's file. */
export interface Weakening {
  file: string;
  line: number;
  column: number;
  messageId: WeakenedMessage;
  data: Record<string, string | number>;
  /** What was weakened, without positions (the fingerprint is built from it). */
  evidence: Record<string, string | number>;
}

export type WeakenedMessage = "deleted" | "lowered" | "turnedOff" | "settingRemoved" | "added" | "removed" | "raised" | "limitOff" | "baselined";

/** A YAML mapping read leniently: a malformed or non-mapping file is simply not compared. */
export interface LenientYaml {
  file: string;
  value: Record<string, unknown>;
  /** 1-based place of the value at `path` (of its key with `key`), or the deepest part that exists. */
  at(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

export function parseLenient(text: string | undefined, file: string): LenientYaml | undefined {
  if (text === undefined) return undefined;
  let source: YamlSource;
  try {
    source = parseYamlSource(text, file);
  } catch {
    return undefined; // the config loader or rule-file loader reports a malformed file, not this rule
  }
  const value = source.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  return {
    file,
    value: value as Record<string, unknown>,
    at(path, key = false) {
      const match = /:(\d+):(\d+)$/.exec(source.locate(path, key));
      return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 1, column: 1 };
    },
  };
}

/** A list of strings as written (`x` or `[x, y]`); anything else is no list. */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === "string");
}

/** The value at a dotted path of plain objects. */
export function valueAt(root: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const RANK: Record<string, number> = { off: 0, warn: 1, error: 2 };

/** `error`, `warn` or `off` as written (also as `{ severity }`), else undefined. */
export function severityOf(value: unknown): string | undefined {
  const raw = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).severity : value;
  return typeof raw === "string" && raw in RANK ? raw : undefined;
}

export function isLower(to: string, from: string): boolean {
  return RANK[to]! < RANK[from]!;
}

/** A weakening located at `path` in the changed side's file. */
export function weakening(
  head: LenientYaml,
  path: readonly PropertyKey[],
  messageId: WeakenedMessage,
  data: Record<string, string | number>,
  key = false,
): Weakening {
  return { file: head.file, ...head.at(path, key), messageId, data, evidence: { change: messageId, ...data } };
}
