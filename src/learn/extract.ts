import type { ResolvedConfig } from "../config/types.js";
import type { Candidate, Evidence } from "./types.js";

/**
 * Every candidate rule the evidence supports, each kind's generalisation ladder included, most
 * general first within a kind. PLACEHOLDER: implemented by the learn extraction work.
 */
export function extractCandidates(_evidence: Evidence, _config: ResolvedConfig): Promise<Candidate[]> {
  throw new Error("learn extraction is not implemented yet");
}
