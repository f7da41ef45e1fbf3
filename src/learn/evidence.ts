import type { Evidence } from "./types.js";

/** How the user named the mistake and its fix (SPEC §6 inputs). */
export type EvidenceInput =
  | { commit: string }
  | { from: string; to: string }
  /** A unified diff of the fix (text already read from the file or stdin); HEAD is its good side. */
  | { diff: string; label: string };

/**
 * Reads the evidence from git objects, never from a checkout: the work tree and the index stay
 * exactly as they were. PLACEHOLDER: implemented by the learn evidence work.
 */
export function readEvidence(_root: string, _input: EvidenceInput): Evidence {
  throw new Error("learn evidence is not implemented yet");
}
