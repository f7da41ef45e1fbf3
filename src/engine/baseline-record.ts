import { resolveConfig } from "./resolve-config.js";
import { baselinePath, formatBaseline, readBaseline } from "./baseline-file.js";
import { assertRewritable, ensureUnionMerge, writeInRepo, type AttributesChange } from "./baseline-write.js";
import { check } from "./check.js";

export interface RecordOptions {
  cwd?: string;
  /** An explicit config file instead of walking up to guard.yaml. */
  config?: string;
}

export interface RecordResult {
  /** Repo-relative path of the baseline file. */
  path: string;
  entries: number;
  /** Entries of the baseline before, or undefined when there was none (or it was unreadable). */
  previous: number | undefined;
  /** What happened to .gitattributes, and the line that makes git merge the baseline by union. */
  attributes: { change: AttributesChange; line: string };
}

/**
 * `guard baseline`: runs the whole check with the baseline ignored and records every finding,
 * one entry per fingerprint, so that `check` then fails only on new findings.
 */
export async function recordBaseline(options: RecordOptions = {}): Promise<RecordResult> {
  const config = resolveConfig(options.cwd ?? process.cwd(), options.config);
  const path = baselinePath(config.root, config.baseline, config.file);
  assertRewritable(config.root, path);
  const result = await check({ cwd: options.cwd, config: options.config, baseline: false });
  const { text, entries } = formatBaseline(result.diagnostics);
  const previous = previousCount(config.root, path);
  writeInRepo(config.root, path, text);
  const attributes = ensureUnionMerge(config.root, path);
  return { path, entries, previous, attributes };
}

/** A baseline with merge conflicts or hand edits is replaced anyway: it only informs the message. */
function previousCount(root: string, path: string): number | undefined {
  try {
    const entries = readBaseline(root, path);
    return entries && new Set(entries.map((entry) => entry.fingerprint)).size;
  } catch {
    return undefined;
  }
}
