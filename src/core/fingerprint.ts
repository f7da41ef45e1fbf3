import { createHash } from "node:crypto";
import type { Evidence } from "./types.js";

/**
 * Stable under unrelated edits: rule + file + normalised evidence (keys sorted, whitespace
 * collapsed), never the line number. `occurrence` separates identical findings in one file.
 */
export function fingerprint(rule: string, file: string, evidence: Evidence, occurrence: number): string {
  const normalised = Object.keys(evidence)
    .sort()
    .map((key) => `${key}=${normaliseValue(evidence[key]!)}`)
    .join("\n");
  return createHash("sha256")
    .update(`${rule}\n${file}\n${normalised}\n${occurrence}`)
    .digest("hex")
    .slice(0, 32);
}

function normaliseValue(value: Evidence[string]): string {
  const text = Array.isArray(value) ? value.join("\u0000") : String(value);
  return text.replace(/\s+/g, " ").trim();
}
