import { formatAgent } from "./agent.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";
import type { Formatter } from "./types.js";

/** Every output format, by its `--format` name. Formatters are pure: result in, string out. */
export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  agent: formatAgent,
};

export type { Formatter, ReportContext } from "./types.js";
