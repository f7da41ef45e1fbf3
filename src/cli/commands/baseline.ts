import { recordBaseline } from "../../engine/baseline-record.js";
import type { Io } from "../io.js";

export interface BaselineFlags {
  config?: string;
}

/** `guard baseline`: records the current findings; `check` then fails only on new ones. */
export async function runBaseline(flags: BaselineFlags, io: Io): Promise<number> {
  const result = await recordBaseline({ cwd: io.cwd, config: flags.config });
  const was = result.previous === undefined ? "" : ` (was ${result.previous})`;
  const noun = result.entries === 1 ? "entry" : "entries";
  io.stdout(`guard: wrote ${result.entries} ${noun} to ${result.path}${was}, one per finding; guard check now fails only on new findings\n`);
  const { change, line } = result.attributes;
  if (change !== "present") {
    const verb = change === "created" ? "created .gitattributes with" : "added to .gitattributes:";
    io.stdout(`guard: ${verb} \`${line}\`, so that branches which each add entries merge without conflicts\n`);
  }
  io.stdout(`guard: commit ${result.path}${change === "present" ? "" : " and .gitattributes"}\n`);
  return 0;
}
