import type { Io } from "../io.js";

export interface BaselineFlags {
  config?: string;
}

/** `guard baseline`. PLACEHOLDER: implemented by the baseline work. */
export async function runBaseline(_flags: BaselineFlags, io: Io): Promise<number> {
  io.stderr("guard: baseline is not implemented yet\n");
  return 2;
}
