import type { ResolvedConfig } from "../config/types.js";
import type { Diagnostic } from "../core/types.js";

export interface BaselineOptions {
  /** false with `--no-baseline`: report every finding. */
  enabled: boolean;
  /** `--strict-baseline`: stale entries are errors. */
  strict: boolean;
}

/**
 * Drops findings recorded in the baseline and reports entries that no longer occur.
 * PLACEHOLDER: implemented by the baseline work.
 */
export function applyBaseline(diagnostics: Diagnostic[], _config: ResolvedConfig, _options: BaselineOptions): Diagnostic[] {
  return diagnostics;
}
