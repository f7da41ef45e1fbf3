import { posix } from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { globMatcher } from "../repo/glob.js";

/** One step of the scope ladder: where a learned rule applies. */
export interface ScopeStep {
  /** `files` (or `from`) globs; empty: every file the kind looks at. */
  globs: string[];
  /** For the id (`domain`, `src`, `order`); undefined for every file. */
  area: string | undefined;
  /** For messages: "Domain code", "Code in src/domain/", "`src/domain/order.ts`", "Code". */
  phrase: string;
  /** For candidate labels: "src/domain/**", "layer domain", "every file". */
  label: string;
  /** "any file", "the domain layer", "src/domain/", "`src/domain/order.ts`": after "in". */
  where: string;
}

/**
 * The scope ladder of a file, most general first: every file → its layer's paths (guard.yaml
 * `layers`) or, without layers, its top folder → its folder → the file itself. Steps that
 * would select the same files as a more general one are left out.
 */
export function scopeLadder(file: string, config: ResolvedConfig): ScopeStep[] {
  const steps: ScopeStep[] = [{ globs: [], area: undefined, phrase: "Code", label: "every file", where: "any file" }];
  const layer = config.layers.find((candidate) => globMatcher(candidate.paths)(file));
  const folder = posix.dirname(file);
  const top = file.split("/")[0]!;
  if (layer) {
    steps.push({ globs: [...layer.paths], area: layer.name, phrase: `${capitalise(layer.name)} code`, label: `layer ${layer.name} (${layer.paths.join(", ")})`, where: `the ${layer.name} layer` });
  } else if (folder !== "." && top !== folder) {
    steps.push({ globs: [`${top}/**`], area: top, phrase: `Code in ${top}/`, label: `${top}/**`, where: `${top}/` });
  }
  if (folder !== ".") {
    const globs = [`${folder}/**`];
    if (!(layer && sameGlobs(layer.paths, globs))) {
      steps.push({ globs, area: posix.basename(folder), phrase: `Code in ${folder}/`, label: `${folder}/**`, where: `${folder}/` });
    }
  }
  steps.push({ globs: [file], area: baseName(file), phrase: `\`${file}\``, label: file, where: `\`${file}\`` });
  return steps;
}

/** `src/domain/order.test.ts` → `order`. */
export function baseName(file: string): string {
  return posix.basename(file).replace(/\..*$/, "");
}

function sameGlobs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((glob, i) => glob.replace(/\/\*\*$/, "") === b[i]!.replace(/\/\*\*$/, ""));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
