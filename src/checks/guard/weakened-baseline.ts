import type { Weakening } from "./weakened-yaml.js";

/** One baseline entry a line, as `guard baseline` writes them; matched leniently (a hand-edited file still counts). */
const ENTRY = /"fingerprint"\s*:\s*"([^"\\]+)"/;
const FIELD = (name: string) => new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`);
const RULE = FIELD("rule");
const FILE = FIELD("file");

/**
 * Entries a change adds to an existing baseline: each one is a finding that stops failing.
 * Creating the baseline (adopting guard) is not compared; removing entries is the point of it.
 */
export function compareBaseline(path: string, before: string | undefined, after: string | undefined): Weakening[] {
  if (before === undefined || after === undefined) return [];
  const known = new Set<string>();
  for (const line of before.split("\n")) {
    const match = ENTRY.exec(line);
    if (match) known.add(match[1]!);
  }
  const found: Weakening[] = [];
  after.split("\n").forEach((line, index) => {
    const fingerprint = ENTRY.exec(line)?.[1];
    if (!fingerprint || known.has(fingerprint)) return;
    const rule = unescape(RULE.exec(line)?.[1]) ?? "a rule";
    const file = unescape(FILE.exec(line)?.[1]) ?? "a file";
    found.push({ file: path, line: index + 1, column: 1, messageId: "baselined", data: { rule, file }, evidence: { change: "baselined", fingerprint } });
  });
  return found;
}

function unescape(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}
