import { createHash } from "node:crypto";

/** Longest matched text kept in evidence (fingerprints) before it is cut. */
const MAX_EVIDENCE_CHARS = 200;

/** Whitespace runs as one space: how matched code or text reads in a one-line message. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Long matches (a whole function) are cut, with a digest of the whole so fingerprints stay distinct. */
export function evidenceText(text: string): string {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  return `${text.slice(0, MAX_EVIDENCE_CHARS)}… #${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
}
