import { posix } from "node:path";
import type { ImportTarget } from "../checks/custom/import-target.js";
import type { ResolvedConfig } from "../config/types.js";
import { globMatcher } from "../repo/glob.js";
import { baseName } from "./ladder-scope.js";

/** One rung of the import-target ladder: what `forbid` names. */
export interface ForbidStep {
  forbid: string[];
  /** For the id: `lodash`, `persistence`, `db`. */
  subject: string;
  /** For messages: "`lodash`", "the persistence layer", "src/persistence/", "`src/persistence/db.ts`". */
  phrase: string;
  /** Whether the entries are repo globs (so the target's own area may be exempted). */
  local: boolean;
}

/**
 * The forbid ladder, most general first. A package: its name (`lodash`), then the module as
 * imported (`lodash/debounce`). A repo file: its layer's paths (guard.yaml `layers`) or its top
 * folder, then its folder, then the file; a rung that would also forbid the importing file's
 * own area is left out (a folder may use itself).
 */
export function forbidLadder(target: ImportTarget, importer: string, config: ResolvedConfig): ForbidStep[] {
  if (target.module !== undefined) {
    const steps: ForbidStep[] = [{ forbid: [target.name], subject: target.name, phrase: `\`${target.name}\``, local: false }];
    if (target.module !== target.name) steps.push({ forbid: [target.module], subject: target.module, phrase: `\`${target.module}\``, local: false });
    return steps;
  }
  const path = target.path!;
  const steps: ForbidStep[] = [];
  const layer = config.layers.find((candidate) => globMatcher(candidate.paths)(path));
  const folder = posix.dirname(path);
  const top = path.split("/")[0]!;
  if (layer) steps.push({ forbid: [...layer.paths], subject: layer.name, phrase: `the ${layer.name} layer (${layer.paths.join(", ")})`, local: true });
  else if (folder !== "." && top !== folder) steps.push({ forbid: [`${top}/**`], subject: top, phrase: `${top}/`, local: true });
  if (folder !== ".") steps.push({ forbid: [`${folder}/**`], subject: posix.basename(folder), phrase: `${folder}/`, local: true });
  steps.push({ forbid: [path], subject: baseName(path), phrase: `\`${path}\``, local: true });
  const seen = new Set<string>();
  return steps.filter((step) => {
    const key = step.forbid.join("\0");
    if (seen.has(key) || globMatcher(step.forbid)(importer)) return false;
    seen.add(key);
    return true;
  });
}
