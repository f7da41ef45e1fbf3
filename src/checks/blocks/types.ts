/** One rule as the `rules` block lists it: what the engine selected for this repo's config. */
export interface CatalogRule {
  id: string;
  /** Its severity in this repo (after guard.yaml), or `off`. */
  severity: string;
  description: string;
  /** Its doc page, repo-relative when the repo holds it (`rules/docs/dead-link.md`, a rule file). */
  docs: string;
}

/** What rendering one block gives: its lines, or why it cannot be rendered (a finding). */
export type Rendered = { lines: string[] } | { problem: string };
