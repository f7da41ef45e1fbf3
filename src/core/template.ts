/**
 * `{name}`, and `{$A}` / `{$$$ARGS}` for the ast-grep metavariables a rule file's message may
 * show. Compiled once: templates are filled for every finding.
 */
const PLACEHOLDER = /\{((?:\$\$\$|\$\$|\$)?\w+)\}/g;

/** Fills placeholders from `data`; unknown placeholders stay visible so a missing datum is noticed. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (Object.hasOwn(data, key) ? String(data[key]) : whole));
}
