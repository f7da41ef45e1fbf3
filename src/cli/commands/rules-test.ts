import type { Io } from "../io.js";

export interface RulesTestFlags {
  format: string;
  config?: string;
}

/** `guard rules test`. PLACEHOLDER: implemented by the rule-files work. */
export async function runRulesTest(_ids: string[], _flags: RulesTestFlags, io: Io): Promise<number> {
  io.stderr("guard: rules test is not implemented yet\n");
  return 2;
}
