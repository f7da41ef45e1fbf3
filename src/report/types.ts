import type { CheckResult } from "../core/types.js";

export interface ReportContext {
  toolVersion: string;
  /** Colour is only for a TTY without NO_COLOR; the CLI decides. */
  color: boolean;
  /** The command line an agent should run again (agent format). */
  command: string;
}

export type Formatter = (result: CheckResult, context: ReportContext) => string;
