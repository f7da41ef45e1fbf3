import { lstatSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { createExclusive } from "../repo/create-exclusive.js";
import { parseRuleFile } from "../config/rule-files.js";
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../core/errors.js";
import { ruleSource } from "./rule-source.js";
import { ruleYamlText } from "./rule-yaml.js";
import type { DraftRule } from "./types.js";

export interface WrittenRule {
  id: string;
  /** Repo-relative path of the new rule file. */
  source: string;
  /** Absolute path. */
  path: string;
}

/** Free names tried before giving up (`<id>`, `<id>-2` … `<id>-99`). */
const MAX_TRIES = 99;

/**
 * Writes a draft to `<first rule dir>/<id>.yaml`, never over an existing file: when the id is
 * taken (in any rule dir, as .yaml or .yml), `<id>-2`, `<id>-3` … The file appears whole or not
 * at all (a temp file beside it, then a hard link, which fails instead of replacing), and
 * never outside the repo, even through a symlinked folder.
 */
export function writeRuleFile(config: ResolvedConfig, draft: DraftRule, comment: string): WrittenRule {
  const ruleDir = config.ruleDirs[0] ?? ".guard/rules";
  for (let n = 1; n <= MAX_TRIES; n++) {
    const id = n === 1 ? draft.id : `${draft.id}-${n}`;
    if (taken(config, id)) continue;
    const source = ruleSource(ruleDir, id);
    const text = ruleYamlText({ ...draft, id } as DraftRule, comment);
    // The loader must read back what learn proved; a failure here is a bug in learn, not the user's.
    parseRuleFile(text, source, id);
    const path = resolve(config.root, source);
    ensureInside(config.root, path, source);
    if (createExclusive(path, text)) return { id, source, path };
  }
  throw new UsageError(`no free name for the rule ${draft.id}: ${draft.id}-2 … ${draft.id}-${MAX_TRIES} are all taken`, {
    expected: "a rule id that no rule file uses yet",
    suggestion: "remove or rename old learned rules",
  });
}

/** Whether any rule dir already has a file for this id. */
function taken(config: ResolvedConfig, id: string): boolean {
  return config.ruleDirs.some((dir) => [".yaml", ".yml"].some((ext) => exists(resolve(config.root, dir, `${id}${ext}`))));
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function ensureInside(root: string, path: string, source: string): void {
  const outside = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel.startsWith("..") || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel);
  };
  const refuse = () =>
    new UsageError(`the rule file ${source} would be written outside the repository`, {
      expected: "ruleDirs inside the repository (e.g. .guard/rules)",
      suggestion: "fix `ruleDirs` in guard.yaml",
    });
  if (outside(root, path)) throw refuse();
  // Check the deepest folder that exists before creating any: a symlinked .guard must not get folders elsewhere.
  const realRoot = realpathSync(root);
  let existing = dirname(path);
  while (!exists(existing)) existing = dirname(existing);
  if (outside(realRoot, realpathSync(existing))) throw refuse();
  mkdirSync(dirname(path), { recursive: true });
  if (outside(realRoot, realpathSync(dirname(path)))) throw refuse();
}

